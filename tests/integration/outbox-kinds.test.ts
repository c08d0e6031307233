// The outbox's four kinds against the simulator over HTTP, each through its happy path and the
// answers that matter: verify (verified / mismatch / not found), push (sent once, in order,
// refused), refresh (courier and rating changes), and a rejected key pausing the store.
import { afterAll, describe, expect, it, vi } from "vitest";
import { startSimulatorForApp } from "@/tests/fixtures/outbox-env";

vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

const { sim, control } = await startSimulatorForApp();
const { db } = await import("@/lib/db");
const { runDrain } = await import("@/lib/outbox/drain");
const { resumeOutbox } = await import("@/lib/outbox/resume");
const { sealStoreApiKey } = await import("@/lib/stores/api-key");
const { connectMerchant, drainUntilSettled, insertOrders, receiveOrder, requestStatus } = await import("@/tests/fixtures/outbox");

afterAll(() => sim.stop());

const fast = { config: { backoff: { baseMs: 20, capMs: 100 } } };

describe("verify_order", () => {
  it("verifies an accepted order within the webhook's own after(), filling what only GET knows", async () => {
    const merchant = await connectMerchant(control);
    const { order, simOrder } = await receiveOrder(control, merchant);

    const verified = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(verified).toMatchObject({
      verification: "verified",
      verificationDiff: null,
      productName: simOrder.product_name,
      productImage: simOrder.product_image,
      status: "started",
    });
    expect(verified.verifiedAt).toBeInstanceOf(Date);
    expect(verified.tribemade).toMatchObject({ id: simOrder.id, customer: { full_address: simOrder.customer.full_address } });
    const events = await db.orderEvent.findMany({ where: { orderId: order.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.type, e.actor])).toEqual([
      ["received", "TribeMade"],
      ["verified", "TribeMade"],
    ]);
    // The order also queued a read of its product (products learn it); this is the verification.
    const message = await db.outboxMessage.findFirstOrThrow({ where: { storeId: merchant.store.id, kind: "verify_order" } });
    expect(message).toMatchObject({ kind: "verify_order", status: "done", attempts: 1, lastError: null });
    const attempts = await db.outboxAttempt.findMany({ where: { orderId: order.id } });
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({
      messageId: message.id,
      kind: "verify_order",
      method: "GET",
      path: `/api/orders/${simOrder.id}`,
      httpStatus: 200,
      outcome: "success",
      rateLimit: { limit: 50, remaining: 49 },
    });
  });

  it("marks a mismatch field by field when the webhook disagrees with TribeMade", async () => {
    const merchant = await connectMerchant(control);
    const { order, simOrder } = await receiveOrder(control, merchant, {
      mutate: (payload) => {
        const details = payload.order_details as { amount: number };
        details.amount = details.amount + 1000;
        (payload.customer as { email: string }).email = "someone.else@example.in";
      },
    });
    const row = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(row.verification).toBe("mismatch");
    expect(row.verificationDiff).toEqual([
      { field: "customer.email", webhook: "someone.else@example.in", tribemade: simOrder.customer.email },
      {
        field: "order_details.amount",
        webhook: (simOrder.order_details.amount + 1000).toFixed(2),
        tribemade: simOrder.order_details.amount,
      },
    ]);
    const event = await db.orderEvent.findFirstOrThrow({ where: { orderId: order.id, type: "verification_mismatch" } });
    expect((event.data as { diff: unknown[] }).diff).toHaveLength(2);
  });

  it("marks an order TribeMade does not know (forged webhook) not_found, and one of another store too", async () => {
    const merchant = await connectMerchant(control);
    const other = await connectMerchant(control, "Other");
    const unknown = await receiveOrder(control, merchant, { mutate: (payload) => void (payload.order_id = crypto.randomUUID()) });
    const foreign = await control.placeOrder(other.simStore.id, { sendWebhook: false });
    const stolen = await receiveOrder(control, merchant, {
      mutate: (payload) => Object.assign(payload, { ...foreign.payload, store_id: merchant.simStore.id }),
    });
    for (const [order, status] of [
      [unknown.order, 404],
      [stolen.order, 403],
    ] as const) {
      expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).verification).toBe("not_found");
      const event = await db.orderEvent.findFirstOrThrow({ where: { orderId: order.id, type: "verification_not_found" } });
      expect(event.data).toMatchObject({ httpStatus: status });
    }
  });
});

describe("push_status", () => {
  it("sends a status change once, with its tracking URL, and marks the order synced", async () => {
    const merchant = await connectMerchant(control);
    const { order, simOrder } = await receiveOrder(control, merchant);
    await requestStatus(order, "processing");
    await drainUntilSettled(merchant.store.id, fast);
    const tracking = "https://www.delhivery.com/track/package/1234567890";
    await requestStatus(order, "dispatched", { trackingUrl: tracking });
    await drainUntilSettled(merchant.store.id, fast);

    const changes = (await control.statusChanges({ orderId: simOrder.id })).statusChanges;
    expect(changes.map((c) => [c.from, c.to, c.trackingUrl])).toEqual([
      ["started", "processing", null],
      ["processing", "dispatched", tracking],
    ]);
    const row = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(row).toMatchObject({ status: "dispatched", sync: "synced", syncError: null, trackingUrl: tracking, version: 2 });
    const pushed = await db.orderEvent.findMany({ where: { orderId: order.id, type: "status_pushed" }, orderBy: { id: "asc" } });
    expect(pushed.map((e) => (e.data as { status: string }).status)).toEqual(["processing", "dispatched"]);
  });

  it("sends several pushes for one order in the order they were made, never dispatched before processing", async () => {
    const merchant = await connectMerchant(control);
    const { order, simOrder } = await receiveOrder(control, merchant);
    await requestStatus(order, "processing");
    await requestStatus(order, "dispatched");
    await requestStatus(order, "delivered");
    // Several drains at once, several times: each push must still wait for the one before it.
    await Promise.all([0, 1, 2].map(() => drainUntilSettled(merchant.store.id, fast)));
    const changes = (await control.statusChanges({ orderId: simOrder.id })).statusChanges;
    expect(changes.map((c) => c.to)).toEqual(["processing", "dispatched", "delivered"]);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ sync: "synced", status: "delivered" });
  });

  it("keeps the order pending while a later push waits, synced once the last one lands", async () => {
    const merchant = await connectMerchant(control);
    const { order } = await receiveOrder(control, merchant);
    await requestStatus(order, "processing");
    await requestStatus(order, "dispatched", { availableNow: false }); // still in its undo window
    await runDrain({ trigger: "cron", storeId: merchant.store.id, ...fast });
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      sync: "pending",
      status: "dispatched",
    });
    await db.outboxMessage.updateMany({
      where: { storeId: merchant.store.id, status: "pending" },
      data: { availableAt: new Date() },
    });
    await drainUntilSettled(merchant.store.id, fast);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ sync: "synced", status: "dispatched" });
  });

  it("records TribeMade's refusal as a failed sync with its words, then shows TribeMade's status again", async () => {
    const merchant = await connectMerchant(control);
    const { order, simOrder } = await receiveOrder(control, merchant);
    await requestStatus(order, "delivered"); // started → delivered skips steps: TribeMade refuses
    await drainUntilSettled(merchant.store.id, fast);

    expect((await control.statusChanges({ orderId: simOrder.id })).statusChanges).toEqual([]);
    const row = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(row).toMatchObject({
      sync: "failed",
      syncError: "Cannot change order status from started to delivered",
      status: "started",
    });
    const push = await db.outboxMessage.findFirstOrThrow({ where: { storeId: merchant.store.id, kind: "push_status" } });
    expect(push).toMatchObject({ status: "dead", attempts: 1 });
    expect(push.lastError).toContain("Cannot change order status from started to delivered");
    const types = (await db.orderEvent.findMany({ where: { orderId: order.id }, orderBy: { id: "asc" } })).map((e) => e.type);
    expect(types).toEqual(["received", "verified", "status_requested", "status_push_failed", "refreshed"]);
  });

  it("gives up after the last attempt and leaves the order failed (the orders domain's giveUp)", async () => {
    const merchant = await connectMerchant(control);
    const { order } = await receiveOrder(control, merchant);
    await requestStatus(order, "processing");
    // One attempt left; TribeMade answers 500 before doing anything.
    await db.outboxMessage.updateMany({ where: { storeId: merchant.store.id, kind: "push_status" }, data: { attempts: 11 } });
    await control.setFaults({ storeId: merchant.simStore.id, error5xx: { rate: 1, status: 500, phase: "before" } });
    try {
      await runDrain({ trigger: "cron", storeId: merchant.store.id, housekeeping: false });
    } finally {
      await control.clearFaults();
    }

    const push = await db.outboxMessage.findFirstOrThrow({ where: { storeId: merchant.store.id, kind: "push_status" } });
    expect(push).toMatchObject({ status: "dead", attempts: 12 });
    expect(push.lastError).toMatch(/^Gave up after 12 attempts: TribeMade answered 500/);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ sync: "failed", status: "processing" });
    const failed = await db.orderEvent.findFirstOrThrow({ where: { orderId: order.id, type: "status_push_failed" } });
    expect(failed).toMatchObject({ actor: "system", data: expect.objectContaining({ status: "processing", httpStatus: null }) });
  });
});

describe("refresh_order", () => {
  it("picks up a courier's delivery and the customer's rating as events", async () => {
    const merchant = await connectMerchant(control);
    const { order, simOrder } = await receiveOrder(control, merchant);
    await requestStatus(order, "processing");
    await requestStatus(order, "dispatched");
    await drainUntilSettled(merchant.store.id, fast);
    await control.courierDeliver(simOrder.id);
    await control.rate(simOrder.id, 4, "Lovely chai, arrived quickly");
    // Due for a refresh: an order under a day old is refreshed every 10 minutes.
    await db.order.update({ where: { id: order.id }, data: { lastRefreshedAt: new Date(Date.now() - 11 * 60_000) } });
    await db.outboxState.deleteMany({ where: { storeId: merchant.store.id } });

    await drainUntilSettled(merchant.store.id, fast);
    const row = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(row).toMatchObject({ status: "delivered", rating: 4, review: "Lovely chai, arrived quickly", sync: "synced" });
    const refreshed = await db.orderEvent.findFirstOrThrow({ where: { orderId: order.id, type: "refreshed" } });
    expect((refreshed.data as { changes: unknown[] }).changes).toEqual([
      { field: "status", from: "dispatched", to: "delivered" },
      { field: "rating", from: null, to: 4 },
      { field: "review", from: null, to: "Lovely chai, arrived quickly" },
    ]);
    // Delivered is final: the next schedule leaves it alone.
    await db.outboxState.deleteMany({ where: { storeId: merchant.store.id } });
    await runDrain({ trigger: "cron", storeId: merchant.store.id });
    expect(await db.outboxMessage.count({ where: { storeId: merchant.store.id, kind: "refresh_order" } })).toBe(1);
  });
});

describe("a rejected key", () => {
  it("pauses the store's outbox without spending attempts, and a new key resumes it", async () => {
    const merchant = await connectMerchant(control);
    const [first] = await insertOrders(control, merchant, 2);
    await control.rotateKey(merchant.simStore.id);
    const summary = await runDrain({ trigger: "cron", storeId: merchant.store.id, ...fast });
    expect(summary.claimed).toBeGreaterThan(0);

    const store = await db.store.findUniqueOrThrow({
      where: { id: merchant.store.id },
      select: { outboxPausedAt: true, outboxPausedReason: true },
    });
    expect(store.outboxPausedAt).toBeInstanceOf(Date);
    expect(store.outboxPausedReason).toContain("rejected the store's API key");
    const messages = await db.outboxMessage.findMany({ where: { storeId: merchant.store.id } });
    expect(messages.map((m) => [m.status, m.attempts])).toEqual([
      ["pending", 0],
      ["pending", 0],
    ]);
    // Paused: further drains do not call TribeMade at all.
    const before = (await control.requests({ storeId: merchant.simStore.id })).requests.length;
    expect((await runDrain({ trigger: "cron", storeId: merchant.store.id })).claimed).toBe(0);
    expect((await control.requests({ storeId: merchant.simStore.id })).requests.length).toBe(before);

    // The owner saves the current key (lib/stores does this through replaceApiKey).
    const { store: rotated } = await control.getStore(merchant.simStore.id);
    await db.store.update({ where: { id: merchant.store.id }, data: sealStoreApiKey(merchant.store.id, rotated.apiKey) });
    expect(await resumeOutbox(merchant.store.id)).toBe(true);
    await drainUntilSettled(merchant.store.id, fast);
    expect((await db.order.findUniqueOrThrow({ where: { id: first!.order.id } })).verification).toBe("verified");
  });
});
