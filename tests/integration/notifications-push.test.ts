// Web push for new orders, through the outbox to a local fake push service that checks the VAPID
// signature and decrypts the payload with the subscribing browser's keys: the right words reach
// every device once; a 410 removes the device; a busy push service is retried for the devices that
// missed it only; a member who turned new orders off gets nothing.
import webpush from "web-push";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startFakePushService, type FakeDevice } from "@/tests/fixtures/fake-push-service";
import { startSimulatorForApp } from "@/tests/fixtures/outbox-env";

vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

const vapid = webpush.generateVAPIDKeys();
const push = await startFakePushService();
const { sim, control } = await startSimulatorForApp({
  env: {
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY: vapid.privateKey,
    VAPID_SUBJECT: "mailto:ops@tribedesk.test",
  },
});
const { db } = await import("@/lib/db");
const { runDrain } = await import("@/lib/outbox/drain");
const { saveSubscription, setPreference } = await import("@/lib/notifications/mutations");
const { createUser } = await import("@/tests/fixtures/auth-merchants");
const { connectMerchant, receiveOrder } = await import("@/tests/fixtures/outbox");

afterAll(async () => {
  await sim.stop();
  await push.stop();
});

beforeEach(() => {
  push.received.length = 0;
  push.rejected.length = 0;
});

type Connected = Awaited<ReturnType<typeof connectMerchant>>;
type Member = import("@/lib/auth/require-member").Member;
const ownerOf = (m: Connected): Member => ({ user: m.user, store: { id: m.store.id, name: m.store.name }, role: "owner" });

async function subscribe(member: Member, device: FakeDevice, ua = "Mozilla/5.0 (Linux; Android 14) Chrome/131.0") {
  return saveSubscription(
    member,
    { storeId: member.store.id, endpoint: device.endpoint, keys: { p256dh: device.p256dh, auth: device.auth } },
    ua,
  );
}

describe("new-order push", () => {
  it("reaches every device of the store, decrypted to the order's words, within 2 s of the webhook", async () => {
    const merchant = await connectMerchant(control, "Push");
    const phone = push.newDevice();
    const laptop = push.newDevice();
    await subscribe(ownerOf(merchant), phone);
    await subscribe(ownerOf(merchant), laptop, "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Firefox/133.0");

    // The test process loads the route, the drain and web-push on its first webhook: not what a
    // running server does for each order, so one order of another store goes first.
    await receiveOrder(control, await connectMerchant(control, "Warm-up"));
    push.received.length = 0;
    const started = Date.now();
    const { order } = await receiveOrder(control, merchant);

    expect(push.rejected).toEqual([]);
    expect(push.received.map((r) => r.deviceId).sort()).toEqual([phone.id, laptop.id].sort());
    const fresh = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    const [first] = fresh.customerName.split(" ");
    const payload = push.received[0]!.payload;
    expect(payload).toMatchObject({ title: "New order", url: `/orders/${order.id}`, tag: `order:${order.id}` });
    expect(payload.body).toMatch(new RegExp(`^₹[\\d,]+(\\.\\d\\d)? · .+ ×${fresh.quantity} · ${first}( [A-Z]\\.)?$`));
    expect(payload.body).toContain(fresh.productName!);
    // The VAPID JWT names this push service and our subject; urgency lets a sleeping phone wake.
    expect(push.received[0]!.vapidKey).toBe(vapid.publicKey);
    expect(push.received[0]!.claims.sub).toBe("mailto:ops@tribedesk.test");
    expect(push.received[0]!.headers.urgency).toBe("high");
    for (const received of push.received) expect(received.at - started).toBeLessThan(2_000);

    const devices = await db.pushSubscription.findMany({ where: { storeId: merchant.store.id } });
    expect(devices.map((d) => d.label).sort()).toEqual(["Chrome on Android", "Firefox on macOS"]);
    expect(devices.every((d) => d.lastSentAt !== null)).toBe(true);
    // The outbox recorded the calls, with the push service's origin only (the endpoint is a capability).
    const attempts = await db.outboxAttempt.findMany({ where: { storeId: merchant.store.id, kind: "notify_push" } });
    expect(attempts.map((a) => [a.path, a.httpStatus, a.outcome])).toEqual([
      [push.origin, 201, "success"],
      [push.origin, 201, "success"],
    ]);
  });

  it("never pushes one order twice to a device, even when its message runs again", async () => {
    const merchant = await connectMerchant(control, "Once");
    const device = push.newDevice();
    await subscribe(ownerOf(merchant), device);
    await receiveOrder(control, merchant);
    expect(push.received).toHaveLength(1);

    // As if a drainer died after sending, before writing: the message comes round again.
    await db.outboxMessage.updateMany({
      where: { storeId: merchant.store.id, kind: "notify_push" },
      data: { status: "pending", availableAt: new Date() },
    });
    await runDrain({ trigger: "wake", storeId: merchant.store.id, housekeeping: false });
    expect(push.received).toHaveLength(1);
    const message = await db.outboxMessage.findFirstOrThrow({ where: { storeId: merchant.store.id, kind: "notify_push" } });
    expect(message.status).toBe("done");
  });

  it("removes a device the push service calls gone (410, 404) and still tells the others", async () => {
    const merchant = await connectMerchant(control, "Gone");
    const kept = push.newDevice();
    const uninstalled = push.newDevice();
    const forgotten = push.newDevice();
    for (const device of [kept, uninstalled, forgotten]) await subscribe(ownerOf(merchant), device);
    push.answerNext(uninstalled.id, 410);
    push.drop(forgotten.id);

    await receiveOrder(control, merchant);
    expect(push.received.map((r) => r.deviceId)).toEqual([kept.id]);
    const left = await db.pushSubscription.findMany({ where: { storeId: merchant.store.id } });
    expect(left.map((d) => d.endpoint)).toEqual([kept.endpoint]);
    const message = await db.outboxMessage.findFirstOrThrow({ where: { storeId: merchant.store.id, kind: "notify_push" } });
    expect(message.status).toBe("done");
  });

  it("retries a busy push service for the devices that missed it only", async () => {
    const merchant = await connectMerchant(control, "Busy");
    const fine = push.newDevice();
    const busy = push.newDevice();
    await subscribe(ownerOf(merchant), fine);
    await subscribe(ownerOf(merchant), busy);
    push.answerNext(busy.id, 503);

    await receiveOrder(control, merchant);
    expect(push.received.map((r) => r.deviceId)).toEqual([fine.id]);
    const waiting = await db.outboxMessage.findFirstOrThrow({ where: { storeId: merchant.store.id, kind: "notify_push" } });
    expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
    expect(waiting.lastError).toMatch(/503/);

    await db.outboxMessage.update({ where: { id: waiting.id }, data: { availableAt: new Date() } });
    await runDrain({ trigger: "wake", storeId: merchant.store.id, housekeeping: false });
    expect(push.received.map((r) => r.deviceId)).toEqual([fine.id, busy.id]);
    const done = await db.outboxMessage.findUniqueOrThrow({ where: { id: waiting.id } });
    expect(done.status).toBe("done");
  });

  it("tells only members who want new orders, and never a device of a removed member", async () => {
    const merchant = await connectMerchant(control, "Prefs");
    const owner = ownerOf(merchant);
    const ownerDevice = push.newDevice();
    await subscribe(owner, ownerDevice);
    const staffUser = await createUser({ name: "Staff Person" });
    const membership = await db.membership.create({ data: { userId: staffUser.id, storeId: merchant.store.id, role: "staff" } });
    const staff = { user: staffUser, store: owner.store, role: "staff" as const };
    const staffDevice = push.newDevice();
    await subscribe(staff, staffDevice);

    await setPreference(owner, { topic: "new_order", channel: "push", enabled: false });
    await receiveOrder(control, merchant);
    expect(push.received.map((r) => r.deviceId)).toEqual([staffDevice.id]);

    push.received.length = 0;
    await db.membership.delete({ where: { id: membership.id } });
    await receiveOrder(control, merchant);
    expect(push.received).toEqual([]);
  });
});
