// Bulk status changes: N orders → N pushes, versions and events in one transaction; orders that
// cannot move are listed as skipped with the reason; dispatch takes tracking per order from a
// pasted list; other stores' orders are neither changed nor echoed.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ok } from "@/tests/fixtures/action-result";

vi.mock("next/headers", async () => (await import("@/tests/fixtures/auth-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/tests/fixtures/auth-request")).nextCache);
vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

const { actAs } = await import("@/tests/fixtures/auth-request");
const { createMerchant } = await import("@/tests/fixtures/auth-merchants");
const { createOrder, createOrders } = await import("@/tests/fixtures/orders");
const actions = await import("@/lib/orders/actions");
const { pushStatusPayload } = await import("@/lib/orders/outbox/messages");
const { db } = await import("@/lib/db");

type Merchant = Awaited<ReturnType<typeof createMerchant>>;
let shop: Merchant;

beforeEach(async () => {
  shop = await createMerchant("Bulk");
  await actAs(shop.user);
});

const pushes = () =>
  db.outboxMessage.findMany({ where: { storeId: shop.store.id, kind: "push_status" }, orderBy: { id: "asc" } });

describe("bulk status changes", () => {
  it("queues 50 pushes for 50 orders, each with its own version and event", async () => {
    const orders = await createOrders(shop.store.id, 50);
    const started = Date.now();
    const result = ok(
      await actions.bulkChangeStatus({ status: "processing", orders: orders.map((o) => ({ id: o.id, version: 0 })) }),
    );
    const ms = Date.now() - started;
    expect(result.changed).toHaveLength(50);
    expect(result.skipped).toEqual([]);
    expect(result.missing).toBe(0);

    const queued = await pushes();
    expect(queued).toHaveLength(50);
    const payloads = queued.map((row) => pushStatusPayload.parse(row.payload));
    expect(new Set(payloads.map((p) => p.orderId))).toEqual(new Set(orders.map((o) => o.id)));
    expect(payloads.every((p) => p.status === "processing" && p.version === 1 && p.requestedBy === shop.user.id)).toBe(true);
    // One undo window for the whole batch.
    expect(new Set(queued.map((row) => row.availableAt.toISOString()))).toEqual(new Set([result.undoUntil]));

    const events = await db.orderEvent.findMany({ where: { storeId: shop.store.id, type: "status_requested" } });
    expect(events).toHaveLength(50);
    expect(new Set(payloads.map((p) => p.requestEventId))).toEqual(new Set(events.map((e) => e.id.toString())));
    expect(await db.order.count({ where: { storeId: shop.store.id, status: "processing", sync: "pending", version: 1 } })).toBe(
      50,
    );
    // Set-based: the batch costs a handful of statements, not 50 round trips each.
    expect(ms).toBeLessThan(5_000);
  });

  it("skips orders that cannot move, or changed since they were shown, and says why", async () => {
    const [fresh, stale] = await createOrders(shop.store.id, 2);
    const delivered = await createOrder(shop.store.id, { status: "delivered" });
    const processing = await createOrder(shop.store.id, { status: "processing" });
    await db.order.update({ where: { id: stale!.id }, data: { version: 3 } });

    const result = ok(
      await actions.bulkChangeStatus({
        status: "processing",
        orders: [{ id: fresh!.id, version: 0 }, { id: stale!.id, version: 0 }, { id: delivered.id }, { id: processing.id }],
      }),
    );
    expect(result.changed.map((c) => c.orderId)).toEqual([fresh!.id]);
    expect(result.skipped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ orderId: stale!.id, code: "conflict" }),
        expect.objectContaining({
          orderId: delivered.id,
          code: "invalid_transition",
          reason: "Already delivered: a delivered order cannot change.",
        }),
        expect.objectContaining({ orderId: processing.id, code: "invalid_transition", reason: "Already processing." }),
      ]),
    );
    expect(await pushes()).toHaveLength(1);
  });

  it("dispatches with each order's link from the pasted list, skipping orders without one", async () => {
    const [a, b, c] = await createOrders(shop.store.id, 3, { status: "processing" });
    const tracking = {
      [a!.tribemadeOrderId.slice(0, 8)]: "https://www.delhivery.com/track/package/1610000000001",
      [b!.tribemadeOrderId]: "https://track.example.in/B",
      deadbeef00: "https://track.example.in/nobody",
    };
    const result = ok(
      await actions.bulkChangeStatus({
        status: "dispatched",
        orders: [a, b, c].map((o) => ({ id: o!.id, version: 0 })),
        tracking,
      }),
    );
    expect(Object.fromEntries(result.changed.map((ch) => [ch.orderId, ch.trackingUrl]))).toEqual({
      [a!.id]: "https://www.delhivery.com/track/package/1610000000001",
      [b!.id]: "https://track.example.in/B",
    });
    expect(result.skipped).toEqual([
      expect.objectContaining({ orderId: c!.id, reason: "No tracking link for it in the pasted list." }),
    ]);
    expect(result.unmatchedRefs).toEqual(["deadbeef00"]);
    expect((await db.order.findUniqueOrThrow({ where: { id: a!.id } })).trackingUrl).toBe(
      "https://www.delhivery.com/track/package/1610000000001",
    );

    // Asked to, the rest go without a link.
    const rest = ok(
      await actions.bulkChangeStatus({
        status: "dispatched",
        orders: [{ id: c!.id, version: 0 }],
        dispatchWithoutTracking: true,
      }),
    );
    expect(rest.changed).toEqual([expect.objectContaining({ orderId: c!.id, trackingUrl: null })]);
  });

  it("refuses invalid tracking links and links with other statuses", async () => {
    const order = await createOrder(shop.store.id, { status: "processing" });
    expect(
      await actions.bulkChangeStatus({
        status: "dispatched",
        orders: [{ id: order.id }],
        tracking: { "3f2a9c1e": "ftp://x.example/1" },
      }),
    ).toMatchObject({ ok: false, error: { code: "validation_failed" } });
    expect(
      await actions.bulkChangeStatus({
        status: "cancelled",
        orders: [{ id: order.id }],
        tracking: { "3f2a9c1e": "https://x.example/1" },
      }),
    ).toMatchObject({ ok: false, error: { code: "validation_failed" } });
    expect(await actions.bulkChangeStatus({ status: "processing", orders: [] })).toMatchObject({
      ok: false,
      error: { code: "validation_failed" },
    });
  });

  it("counts another store's orders as missing without changing or naming them", async () => {
    const mine = await createOrder(shop.store.id);
    const other = await createMerchant("Other");
    const theirs = await createOrder(other.store.id);
    const result = ok(await actions.bulkChangeStatus({ status: "cancelled", orders: [{ id: mine.id }, { id: theirs.id }] }));
    expect(result.changed.map((c) => c.orderId)).toEqual([mine.id]);
    expect(result.missing).toBe(1);
    expect(JSON.stringify(result)).not.toContain(theirs.id);
    expect(await db.order.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ status: "started", version: 0 });
  });

  it("changes all orders matching the feed's filter, resolved on the server", async () => {
    const started = await createOrders(shop.store.id, 4, { customerName: "Asha Filterable" });
    const processing = await createOrder(shop.store.id, { status: "processing", customerName: "Asha Filterable" });
    await createOrders(shop.store.id, 2, { customerName: "Someone Else" });
    const result = ok(
      await actions.bulkChangeStatus({ status: "processing", filters: { q: "Asha Filterable", status: "started" } }),
    );
    expect(new Set(result.changed.map((c) => c.orderId))).toEqual(new Set(started.map((o) => o.id)));
    expect(result).toMatchObject({ skipped: [], missing: 0, truncated: false });
    expect((await db.order.findUniqueOrThrow({ where: { id: processing.id } })).version).toBe(0);
    expect(await db.order.count({ where: { storeId: shop.store.id, status: "started" } })).toBe(2);

    // Without the status filter the processing one is matched too, and skipped with its reason.
    const again = ok(await actions.bulkChangeStatus({ status: "processing", filters: { q: "Asha Filterable" } }));
    expect(again.changed).toEqual([]);
    expect(again.skipped).toHaveLength(5);
    expect(new Set(again.skipped.map((s) => s.reason))).toEqual(new Set(["Already processing."]));
  });

  it("takes at most 1,000 matching orders in one transaction and says more matched", async () => {
    await createOrders(shop.store.id, 1_001);
    const started = Date.now();
    const result = ok(await actions.bulkChangeStatus({ status: "cancelled", filters: {} }));
    expect(result.changed).toHaveLength(1_000);
    expect(result.truncated).toBe(true);
    expect(await db.outboxMessage.count({ where: { storeId: shop.store.id, kind: "push_status" } })).toBe(1_000);
    expect(await db.order.count({ where: { storeId: shop.store.id, status: "started" } })).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("needs either picked orders or a filter, not both", async () => {
    const order = await createOrder(shop.store.id);
    expect(await actions.bulkChangeStatus({ status: "processing" })).toMatchObject({
      ok: false,
      error: { code: "validation_failed" },
    });
    expect(await actions.bulkChangeStatus({ status: "processing", orders: [{ id: order.id }], filters: {} })).toMatchObject({
      ok: false,
      error: { code: "validation_failed" },
    });
  });
});
