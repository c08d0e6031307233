// Status changes from the order page: one transaction writes the order, the event naming the
// person and the push_status message; stale versions conflict; only TribeMade's transitions pass;
// undo takes back a change whose push has not been sent; retry re-queues a failed push; the store
// rule marks new orders processing; staff may do all of it, outsiders nothing.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ok } from "@/tests/fixtures/action-result";

vi.mock("next/headers", async () => (await import("@/tests/fixtures/auth-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/tests/fixtures/auth-request")).nextCache);
vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

const { actAs, inRequest } = await import("@/tests/fixtures/auth-request");
const { addMember, createMerchant, createUser } = await import("@/tests/fixtures/auth-merchants");
const { createOrder } = await import("@/tests/fixtures/orders");
const { eventsOf, orderRow, pushesOf } = await import("@/tests/fixtures/order-reads");
const actions = await import("@/lib/orders/actions");
const { markProcessingByRule } = await import("@/lib/orders/mutations");
const { pushStatusPayload } = await import("@/lib/orders/outbox/messages");
const { UNDO_WINDOW_MS } = await import("@/lib/orders/undo-window");
const { db } = await import("@/lib/db");
const { FEED_CHANNEL } = await import("@/lib/feed/notify");
const pg = (await import("pg")).default;

type Merchant = Awaited<ReturnType<typeof createMerchant>>;
let shop: Merchant;
let staff: Awaited<ReturnType<typeof addMember>>;

beforeEach(async () => {
  shop = await createMerchant("Chai");
  staff = await addMember(shop.store.id, "staff", { name: "Ravi Staff" });
  await actAs(shop.user);
});

describe("a status click", () => {
  it("writes the status, an event naming the person and a delayed push, together", async () => {
    const order = await createOrder(shop.store.id);
    const before = Date.now();
    const receipt = ok(await actions.changeOrderStatus({ orderId: order.id, version: 0, status: "processing" }));
    expect(receipt).toMatchObject({ orderId: order.id, status: "processing", version: 1, trackingUrl: null });
    expect(Date.parse(receipt.undoUntil) - before).toBeGreaterThanOrEqual(UNDO_WINDOW_MS);

    expect(await orderRow(order.id)).toMatchObject({ status: "processing", sync: "pending", syncError: null, version: 1 });
    const [event] = await eventsOf(order.id);
    expect(event).toMatchObject({ type: "status_requested", actorUserId: shop.user.id, actor: shop.user.name });
    expect(event?.data).toMatchObject({ from: "started", to: "processing", version: 1, source: "button" });

    const [push] = await pushesOf(shop.store.id, order.id);
    expect(push).toMatchObject({ status: "pending", priority: 0, attempts: 0, dedupeKey: `push:${order.id}:1` });
    expect(pushStatusPayload.parse(push?.payload)).toEqual({
      orderId: order.id,
      tribemadeOrderId: order.tribemadeOrderId,
      status: "processing",
      trackingUrl: null,
      version: 1,
      requestEventId: event?.id.toString(),
      requestedBy: shop.user.id,
    });
    // Nothing leaves before the undo window ends.
    expect(push!.availableAt.getTime() - before).toBeGreaterThanOrEqual(UNDO_WINDOW_MS);
    expect(push!.availableAt.toISOString()).toBe(receipt.undoUntil);
  });

  it("writes nothing at all when any part fails (one transaction)", async () => {
    const order = await createOrder(shop.store.id);
    // A trigger makes the outbox insert, the last statement, fail for this store only.
    await db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION refuse_outbox() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'outbox refused for the test'; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`
      CREATE TRIGGER refuse_outbox BEFORE INSERT ON "OutboxMessage" FOR EACH ROW
      WHEN (NEW."storeId" = '${shop.store.id}'::uuid) EXECUTE FUNCTION refuse_outbox()`);
    try {
      const result = await actions.changeOrderStatus({ orderId: order.id, version: 0, status: "processing" });
      expect(result).toMatchObject({ ok: false, error: { code: "internal_error" } });
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_outbox ON "OutboxMessage"`);
    }
    expect(await orderRow(order.id)).toMatchObject({ status: "started", sync: "synced", version: 0 });
    expect(await eventsOf(order.id)).toEqual([]);
    expect(await pushesOf(shop.store.id, order.id)).toEqual([]);
  });

  it("dispatches with a tracking link built from an AWB, or a link as given", async () => {
    const order = await createOrder(shop.store.id, { status: "processing" });
    const awb = { kind: "awb", courier: "delhivery", awb: "1610 0000 00001" };
    const receipt = ok(await actions.changeOrderStatus({ orderId: order.id, version: 0, status: "dispatched", tracking: awb }));
    expect(receipt.trackingUrl).toBe("https://www.delhivery.com/track/package/1610000000001");
    expect((await orderRow(order.id)).trackingUrl).toBe(receipt.trackingUrl);
    const [push] = await pushesOf(shop.store.id, order.id);
    expect(push?.payload).toMatchObject({ status: "dispatched", trackingUrl: receipt.trackingUrl });

    const other = await createOrder(shop.store.id, { status: "processing" });
    const link = { kind: "url", url: "https://track.example.in/AB123" };
    expect(
      ok(await actions.changeOrderStatus({ orderId: other.id, version: 0, status: "dispatched", tracking: link })).trackingUrl,
    ).toBe("https://track.example.in/AB123");
  });

  it("refuses bad tracking input before anything is written", async () => {
    const order = await createOrder(shop.store.id, { status: "processing" });
    const cases = [
      { status: "dispatched", tracking: { kind: "url", url: "javascript:alert(1)" } },
      { status: "dispatched", tracking: { kind: "awb", courier: "bluedart", awb: "12" } },
      { status: "cancelled", tracking: { kind: "url", url: "https://track.example.in/x" } },
    ];
    for (const input of cases) {
      expect(await actions.changeOrderStatus({ orderId: order.id, version: 0, ...input })).toMatchObject({
        ok: false,
        error: { code: "validation_failed" },
      });
    }
    expect(await orderRow(order.id)).toMatchObject({ status: "processing", version: 0 });
  });

  it("accepts only TribeMade's transitions", async () => {
    const started = await createOrder(shop.store.id);
    expect(await actions.changeOrderStatus({ orderId: started.id, version: 0, status: "dispatched" })).toEqual({
      ok: false,
      error: { code: "invalid_transition", message: "Mark it processing first: TribeMade moves an order one step at a time." },
    });
    const delivered = await createOrder(shop.store.id, { status: "delivered" });
    expect(await actions.changeOrderStatus({ orderId: delivered.id, version: 0, status: "cancelled" })).toMatchObject({
      ok: false,
      error: { code: "invalid_transition", message: "Already delivered: a delivered order cannot change." },
    });
    expect(await actions.changeOrderStatus({ orderId: started.id, version: 0, status: "started" })).toMatchObject({
      ok: false,
      error: { code: "validation_failed" },
    });
    expect(await pushesOf(shop.store.id, started.id)).toEqual([]);
  });
});

describe("live views", () => {
  it("tells open feeds the order changed (NOTIFY on tribedesk_feed) right after the commit", async () => {
    const order = await createOrder(shop.store.id);
    const listener = new pg.Client(process.env.DATABASE_URL);
    await listener.connect();
    try {
      const heard = new Promise<unknown>((resolve) =>
        listener.on("notification", (message) => resolve(JSON.parse(message.payload ?? "null"))),
      );
      await listener.query(`LISTEN ${FEED_CHANNEL}`);
      ok(await actions.changeOrderStatus({ orderId: order.id, version: 0, status: "processing" }));
      const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error("no feed notification within 2 s")), 2_000));
      expect(await Promise.race([heard, timeout])).toEqual({ type: "order", storeId: shop.store.id, orderId: order.id });
    } finally {
      await listener.end();
    }
  });
});

describe("two people, one order", () => {
  it("gives the second a conflict naming who changed it, not a silent overwrite", async () => {
    const order = await createOrder(shop.store.id);
    await actAs(staff.user);
    ok(await actions.changeOrderStatus({ orderId: order.id, version: 0, status: "processing" }));
    await actAs(shop.user);
    const stale = await actions.changeOrderStatus({ orderId: order.id, version: 0, status: "cancelled" });
    expect(stale).toEqual({
      ok: false,
      error: {
        code: "conflict",
        message: "Ravi Staff changed this order after you opened it. It is processing now. Check it and try again.",
      },
    });
    expect(await orderRow(order.id)).toMatchObject({ status: "processing", version: 1 });
    expect(await pushesOf(shop.store.id, order.id)).toHaveLength(1);
  });

  it("lets exactly one of two simultaneous clicks through", async () => {
    const order = await createOrder(shop.store.id);
    const results = await Promise.all([
      inRequest(shop.user, () => actions.changeOrderStatus({ orderId: order.id, version: 0, status: "processing" })),
      inRequest(staff.user, () => actions.changeOrderStatus({ orderId: order.id, version: 0, status: "cancelled" })),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok).map((result) => !result.ok && result.error.code)).toEqual(["conflict"]);
    expect(await pushesOf(shop.store.id, order.id)).toHaveLength(1);
    expect((await orderRow(order.id)).version).toBe(1);
  });
});

describe("the store rule", () => {
  it("marks a new order processing at once when on, and does nothing when off", async () => {
    const order = await createOrder(shop.store.id);
    expect(await db.$transaction((tx) => markProcessingByRule(tx, { id: order.id, storeId: shop.store.id }))).toBeNull();
    expect(await pushesOf(shop.store.id, order.id)).toEqual([]);

    ok(await actions.setAutoProcessNewOrders({ storeId: shop.store.id, enabled: true }));
    const changed = await db.$transaction((tx) => markProcessingByRule(tx, { id: order.id, storeId: shop.store.id }));
    expect(changed).toMatchObject({ status: "processing", version: 1 });
    const [push] = await pushesOf(shop.store.id, order.id);
    expect(push!.availableAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(push?.payload).toMatchObject({ requestedBy: null });
    expect((await eventsOf(order.id))[0]).toMatchObject({ type: "status_requested", actorUserId: null, actor: "Store rule" });
    // Only new orders: once processing, the rule leaves it alone.
    expect(await db.$transaction((tx) => markProcessingByRule(tx, { id: order.id, storeId: shop.store.id }))).toBeNull();
  });

  it("is for owners to switch", async () => {
    await actAs(staff.user);
    expect(await actions.setAutoProcessNewOrders({ storeId: shop.store.id, enabled: true })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect((await db.store.findUniqueOrThrow({ where: { id: shop.store.id } })).autoProcessNewOrders).toBe(false);
  });
});

describe("who may change status", () => {
  it("lets staff change, undo and retry", async () => {
    const order = await createOrder(shop.store.id);
    await actAs(staff.user);
    ok(await actions.changeOrderStatus({ orderId: order.id, version: 0, status: "processing" }));
    ok(await actions.undoStatusChange({ orderId: order.id, version: 1 }));
    ok(await actions.bulkChangeStatus({ status: "cancelled", orders: [{ id: order.id, version: 2 }] }));
  });

  it("refuses signed-out callers and users of other stores", async () => {
    const order = await createOrder(shop.store.id);
    await actAs(null);
    expect(await actions.changeOrderStatus({ orderId: order.id, version: 0, status: "processing" })).toMatchObject({
      ok: false,
      error: { code: "unauthorized" },
    });
    const stranger = await createMerchant("Stranger");
    await actAs(stranger.user, { storeCookie: shop.store.id });
    expect(await actions.changeOrderStatus({ orderId: order.id, version: 0, status: "processing" })).toEqual({
      ok: false,
      error: { code: "not_found", message: "That order does not exist in this store." },
    });
    const storeless = await createUser();
    await actAs(storeless);
    expect(await actions.changeOrderStatus({ orderId: order.id, version: 0, status: "processing" })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(await orderRow(order.id)).toMatchObject({ status: "started", version: 0 });
  });
});
