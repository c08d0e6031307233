// Alerts: TribeMade rejecting the store's key (the 401 pause) tells the owner once by push and once
// by email (a real SMTP server: the local mail sink), nothing more while it lasts, and once more
// when it is resolved; staff who did not ask get nothing. Dead letters open their own incident.
import webpush from "web-push";
import { afterAll, describe, expect, it, vi } from "vitest";
import { startMailSink } from "@/lib/embedded/mail-sink";
import { startFakePushService } from "@/tests/fixtures/fake-push-service";
import { startSimulatorForApp } from "@/tests/fixtures/outbox-env";

vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

const vapid = webpush.generateVAPIDKeys();
const push = await startFakePushService();
const mail = await startMailSink();
const { sim, control } = await startSimulatorForApp({
  env: {
    VAPID_PUBLIC_KEY: vapid.publicKey,
    VAPID_PRIVATE_KEY: vapid.privateKey,
    VAPID_SUBJECT: "mailto:ops@tribedesk.test",
    SMTP_URL: mail.smtpUrl,
    MAIL_FROM: "Tribedesk <desk@tribedesk.test>",
  },
});
const { db } = await import("@/lib/db");
const { runDrain } = await import("@/lib/outbox/drain");
const { resumeOutbox } = await import("@/lib/outbox/resume");
const { saveSubscription } = await import("@/lib/notifications/mutations");
const { createUser } = await import("@/tests/fixtures/auth-merchants");
const { connectMerchant, receiveOrder, requestStatus } = await import("@/tests/fixtures/outbox");

afterAll(async () => {
  await sim.stop();
  await push.stop();
  await mail.stop();
});

/** A drain whose alert check runs now (each store's turn comes once a minute). */
async function drainWithChecks(storeId: string) {
  await db.notificationState.updateMany({ where: { storeId }, data: { alertsCheckedAt: null } });
  await runDrain({ trigger: "wake", storeId });
}

const alertPushes = (kind: string) => push.received.filter((r) => String(r.payload.tag).startsWith(`alert:${kind}:`));
// The daily summary goes to owners too (after 08:00 IST, for a store with orders): not an alert.
const alertMails = (to: string) => mail.messages().filter((m) => m.to.includes(to) && !m.subject.includes("yesterday"));

describe("alerts", () => {
  it("a rejected API key: one push and one email to the owner, nothing more until resolved, then one of each", async () => {
    const merchant = await connectMerchant(control, "Alerted");
    const owner = { user: merchant.user, store: { id: merchant.store.id, name: merchant.store.name }, role: "owner" as const };
    const ownerDevice = push.newDevice();
    await saveSubscription(
      owner,
      { storeId: owner.store.id, endpoint: ownerDevice.endpoint, keys: { p256dh: ownerDevice.p256dh, auth: ownerDevice.auth } },
      "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0) Safari/605.1",
    );
    const staffUser = await createUser({ name: "Staff Member" });
    await db.membership.create({ data: { userId: staffUser.id, storeId: merchant.store.id, role: "staff" } });
    const staff = { user: staffUser, store: owner.store, role: "staff" as const };
    const staffDevice = push.newDevice();
    await saveSubscription(
      staff,
      { storeId: owner.store.id, endpoint: staffDevice.endpoint, keys: { p256dh: staffDevice.p256dh, auth: staffDevice.auth } },
      null,
    );

    // TribeMade stops accepting the key: the next call gets 401 and the store's outbox pauses.
    const { order } = await receiveOrder(control, merchant);
    await control.rotateKey(merchant.simStore.id);
    await requestStatus(order, "processing", { availableNow: true });
    await runDrain({ trigger: "wake", storeId: merchant.store.id, housekeeping: false });
    const paused = await db.store.findUniqueOrThrow({ where: { id: merchant.store.id } });
    expect(paused.outboxPausedAt).not.toBeNull();

    await drainWithChecks(merchant.store.id);
    await drainWithChecks(merchant.store.id);
    await drainWithChecks(merchant.store.id);

    const opened = alertPushes("key_rejected");
    expect(opened.map((r) => r.deviceId)).toEqual([ownerDevice.id]);
    expect(opened[0]!.payload).toMatchObject({
      title: `TribeMade rejected your API key · ${merchant.store.name}`,
      url: "/settings/api-key",
    });
    const mails = alertMails(merchant.user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`TribeMade rejected your API key · ${merchant.store.name}`);
    expect(mails[0]!.text).toContain("replace the key in Settings → API key");
    expect(mails[0]!.text).toMatch(/Stop these emails: http:\/\/127\.0\.0\.1:3000\/api\/notifications\/unsubscribe\?/);
    expect(mails[0]!.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(alertMails(staffUser.email)).toEqual([]);

    // The key is replaced (here: the store resumes as Settings → API key does): resolved, told once.
    await resumeOutbox(merchant.store.id);
    await drainWithChecks(merchant.store.id);
    await drainWithChecks(merchant.store.id);
    expect(alertPushes("key_rejected").map((r) => r.payload.title)).toEqual([
      `TribeMade rejected your API key · ${merchant.store.name}`,
      `Resolved: TribeMade rejected your API key · ${merchant.store.name}`,
    ]);
    expect(alertMails(merchant.user.email).map((m) => m.subject)).toEqual([
      `Resolved: TribeMade rejected your API key · ${merchant.store.name}`,
      `TribeMade rejected your API key · ${merchant.store.name}`,
    ]);
  });

  it("a dead letter opens an incident that resolves when it is retried or discarded", async () => {
    const merchant = await connectMerchant(control, "Dead");
    const { order } = await receiveOrder(control, merchant);
    await db.outboxMessage.create({
      data: {
        storeId: merchant.store.id,
        kind: "push_status",
        payload: { orderId: order.id },
        status: "dead",
        lastError: "refused",
      },
    });
    await drainWithChecks(merchant.store.id);
    const state = await db.alertState.findUniqueOrThrow({
      where: { storeId_kind: { storeId: merchant.store.id, kind: "dead_letter" } },
    });
    expect(state).toMatchObject({ incident: 1, resolvedAt: null, detail: { count: 1 } });
    expect(alertMails(merchant.user.email).map((m) => m.subject)).toEqual([`Work failed for good · ${merchant.store.name}`]);

    await db.outboxMessage.deleteMany({ where: { storeId: merchant.store.id, status: "dead" } });
    await drainWithChecks(merchant.store.id);
    const resolved = await db.alertState.findUniqueOrThrow({
      where: { storeId_kind: { storeId: merchant.store.id, kind: "dead_letter" } },
    });
    expect(resolved.openedAt).toBeNull();
    expect(alertMails(merchant.user.email)).toHaveLength(2);
  });

  it("refused deliveries and low stock open their incidents and resolve when the condition clears", async () => {
    const merchant = await connectMerchant(control, "Crowded");
    const endpoint = await db.webhookEndpoint.create({
      data: { storeId: merchant.store.id, tokenHash: `refusals-${merchant.store.id}`, label: "flash sale" },
    });
    const refusal = await db.webhookRefusal.create({
      data: {
        endpointId: endpoint.id,
        storeId: merchant.store.id,
        minute: new Date(Math.floor(Date.now() / 60_000) * 60_000),
        count: 7,
      },
    });
    const product = await db.product.create({
      data: { storeId: merchant.store.id, tribemadeProductId: "low-kurta", name: "Kurta", stock: 2, lowStockSince: new Date() },
    });
    await drainWithChecks(merchant.store.id);
    const opened = async (kind: "deliveries_refused" | "low_stock") =>
      db.alertState.findUniqueOrThrow({ where: { storeId_kind: { storeId: merchant.store.id, kind } } });
    expect(await opened("deliveries_refused")).toMatchObject({ incident: 1, resolvedAt: null, detail: { count: 7 } });
    expect(await opened("low_stock")).toMatchObject({ incident: 1, resolvedAt: null, detail: { count: 1 } });
    expect(
      alertMails(merchant.user.email)
        .map((m) => m.subject)
        .sort(),
    ).toEqual([`Low stock · ${merchant.store.name}`, `Webhooks were refused · ${merchant.store.name}`]);

    // An hour without refusals, and the product restocked: both resolve, each told once.
    await db.webhookRefusal.update({
      where: { endpointId_minute: { endpointId: refusal.endpointId, minute: refusal.minute } },
      data: { minute: new Date(Date.now() - 2 * 60 * 60 * 1000) },
    });
    await db.product.update({ where: { id: product.id }, data: { stock: 40, lowStockSince: null } });
    await drainWithChecks(merchant.store.id);
    expect((await opened("deliveries_refused")).openedAt).toBeNull();
    expect((await opened("low_stock")).openedAt).toBeNull();
    expect(alertMails(merchant.user.email).filter((m) => m.subject.startsWith("Resolved: "))).toHaveLength(2);
  });
});
