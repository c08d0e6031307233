// Issue 24's "done when": with every Tribedesk tab closed — no browser at all, nothing listening to
// the live feed — an order placed at the TribeMade simulator reaches the merchant's phone as a push
// within 2 s, saying the right thing. The whole path runs for real: the simulator POSTs the webhook
// over HTTP to the production server's receiver, ingest records it and wakes the outbox, the drain
// verifies the order with the simulator's API, and notify_push sends to a local push service that
// checks the VAPID signature and decrypts the payload with the device's own keys.
import webpush from "web-push";
import { afterAll, describe, expect, it, vi } from "vitest";
import { startFakePushService, type FakeDevice, type ReceivedPush } from "@/tests/fixtures/fake-push-service";
import { startSimulatorForApp } from "@/tests/fixtures/outbox-env";

vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

const vapid = webpush.generateVAPIDKeys();
const push = await startFakePushService();
const { sim, control } = await startSimulatorForApp({
  env: { VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey, VAPID_SUBJECT: "mailto:ops@tribedesk.test" },
});
const { db } = await import("@/lib/db");
const { saveSubscription } = await import("@/lib/notifications/mutations");
const { connectMerchant } = await import("@/tests/fixtures/outbox");
const { receiverBaseUrl, settleAfterTasks } = await import("@/tests/fixtures/webhook-client");

afterAll(async () => {
  await settleAfterTasks();
  await sim.stop();
  await push.stop();
});

/** The promise, from the simulator placing the order to the push service taking the push. */
const DEADLINE_MS = 2_000;

/** A merchant whose simulator store sends its webhooks to our server, with one phone subscribed. */
async function merchantWithPhone(label: string) {
  const merchant = await connectMerchant(control, label);
  const base = await receiverBaseUrl();
  await control.setWebhooks(merchant.simStore.id, [`${base}/api/webhooks/tribemade/${merchant.webhookToken}`]);
  const phone = push.newDevice();
  const owner = { user: merchant.user, store: { id: merchant.store.id, name: merchant.store.name }, role: "owner" as const };
  await saveSubscription(
    owner,
    { storeId: merchant.store.id, endpoint: phone.endpoint, keys: { p256dh: phone.p256dh, auth: phone.auth } },
    "Mozilla/5.0 (Linux; Android 14) Chrome/131.0",
  );
  return { merchant, phone };
}

async function pushTo(device: FakeDevice, timeoutMs = 10_000): Promise<ReceivedPush> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = push.received.find((received) => received.deviceId === device.id);
    if (found) return found;
    if (Date.now() > deadline)
      throw new Error(`no push reached the device in ${timeoutMs} ms (rejected: ${JSON.stringify(push.rejected)})`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** "₹1,299" or "₹1,299.50", written here independently of the app's formatter. */
const rupees = (amount: number) =>
  `₹${amount.toLocaleString("en-IN", { minimumFractionDigits: Number.isInteger(amount) ? 0 : 2, maximumFractionDigits: 2 })}`;

describe("a new order with every tab closed", () => {
  it("is pushed to the phone within 2 s of TribeMade sending it, with the amount, product, quantity and customer", async () => {
    // A running server has its code loaded; the test process loads the receiver, the drain and
    // web-push on its first order. One order of another store goes first, the same way.
    const warm = await merchantWithPhone("Warm-up");
    await control.placeOrder(warm.merchant.simStore.id);
    await pushTo(warm.phone);

    const { merchant, phone } = await merchantWithPhone("Closed tabs");
    const started = Date.now();
    const placed = await control.placeOrder(merchant.simStore.id, { overrides: { customer: { name: "Farhan Mansoor" } } });
    expect(placed.deliveries.map((delivery) => delivery.statusCode)).toEqual([200]);
    const received = await pushTo(phone);
    const latency = received.at - started;

    const order = await db.order.findFirstOrThrow({
      where: { storeId: merchant.store.id, tribemadeOrderId: placed.order.id },
      select: { id: true, verification: true },
    });
    expect(order.verification).toBe("verified");
    const { amount, quantity } = placed.order.order_details;
    expect(received.payload).toMatchObject({
      title: "New order",
      body: `${rupees(Number(amount))} · ${placed.order.product_name} ×${quantity} · Farhan M.`,
      url: `/orders/${order.id}`,
      tag: `order:${order.id}`,
    });
    expect(received.vapidKey).toBe(vapid.publicKey);
    expect(push.rejected).toEqual([]);
    expect(push.received.filter((entry) => entry.deviceId === phone.id)).toHaveLength(1);
    expect(latency, `simulator order → push took ${latency} ms`).toBeLessThan(DEADLINE_MS);
  });
});
