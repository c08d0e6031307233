// Status changes end to end through the real outbox drain and the TribeMade simulator over HTTP:
// a click reaches TribeMade once and the order turns synced; an undo before the push is due leaves
// TribeMade untouched; a bulk change reaches TribeMade for every order; the store rule marks a
// verified order processing; a refusal shows TribeMade's words and Retry sends the change again.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startSimulatorForApp } from "@/tests/fixtures/outbox-env";
import { ok } from "@/tests/fixtures/action-result";

vi.mock("next/headers", async () => (await import("@/tests/fixtures/auth-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/tests/fixtures/auth-request")).nextCache);
vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

// A one-second window: TribeMade's 20 a minute becomes 20 a second, so the test does not wait minutes.
const { sim, control } = await startSimulatorForApp({ windowMs: 1_000 });
const { actAs } = await import("@/tests/fixtures/auth-request");
const { connectMerchant, drainUntilSettled, receiveOrder } = await import("@/tests/fixtures/outbox");
const actions = await import("@/lib/orders/actions");
const { db } = await import("@/lib/db");

afterAll(() => sim.stop());

type Connected = Awaited<ReturnType<typeof connectMerchant>>;
let shop: Connected;

beforeEach(async () => {
  shop = await connectMerchant(control, "Drain");
  await actAs(shop.user);
});

/** Makes every push due now, as if the undo window had passed. */
const skipUndoWindow = () =>
  db.outboxMessage.updateMany({
    where: { storeId: shop.store.id, kind: "push_status", status: "pending" },
    data: { availableAt: new Date() },
  });

const atTribemade = async (tribemadeOrderId: string) =>
  (await control.getOrder(tribemadeOrderId)) as {
    order: { status: string; tracking_url: string | null };
    statusChanges: unknown[];
  };

describe("through the drain to TribeMade", () => {
  it("sends a click once, after the undo window, and the order turns synced", async () => {
    const { order } = await receiveOrder(control, shop);
    ok(await actions.changeOrderStatus({ orderId: order.id, version: order.version, status: "processing" }));
    // Not yet due: a drain now sends nothing.
    await drainUntilSettled(shop.store.id, { timeoutMs: 1_000 }).catch(() => undefined);
    expect((await atTribemade(order.tribemadeOrderId)).order.status).toBe("started");

    await skipUndoWindow();
    await drainUntilSettled(shop.store.id);
    const remote = await atTribemade(order.tribemadeOrderId);
    expect(remote.order.status).toBe("processing");
    expect(remote.statusChanges).toHaveLength(1);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "processing", sync: "synced" });
    const types = (await db.orderEvent.findMany({ where: { orderId: order.id }, orderBy: { id: "asc" } })).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["status_requested", "status_pushed"]));
  });

  it("leaves TribeMade untouched when the change is undone before it is due", async () => {
    const { order } = await receiveOrder(control, shop);
    const receipt = ok(await actions.changeOrderStatus({ orderId: order.id, version: order.version, status: "cancelled" }));
    ok(await actions.undoStatusChange({ orderId: order.id, version: receipt.version }));
    await skipUndoWindow();
    await drainUntilSettled(shop.store.id);
    const remote = await atTribemade(order.tribemadeOrderId);
    expect(remote.order.status).toBe("started");
    expect(remote.statusChanges).toEqual([]);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ status: "started", sync: "synced" });
  });

  it("sends a dispatch with the AWB's tracking link after the processing it depends on", async () => {
    const { order } = await receiveOrder(control, shop);
    const first = ok(await actions.changeOrderStatus({ orderId: order.id, version: order.version, status: "processing" }));
    const awb = { kind: "awb", courier: "delhivery", awb: "1610000000001" };
    ok(await actions.changeOrderStatus({ orderId: order.id, version: first.version, status: "dispatched", tracking: awb }));
    await skipUndoWindow();
    await drainUntilSettled(shop.store.id);
    const remote = await atTribemade(order.tribemadeOrderId);
    expect(remote.order).toMatchObject({
      status: "dispatched",
      tracking_url: "https://www.delhivery.com/track/package/1610000000001",
    });
    expect(remote.statusChanges).toHaveLength(2);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).sync).toBe("synced");
  });

  it("sends a bulk change of 25 orders, each once", async () => {
    const orders = [];
    for (let i = 0; i < 25; i++) orders.push((await receiveOrder(control, shop)).order);
    const result = ok(
      await actions.bulkChangeStatus({ status: "processing", orders: orders.map((o) => ({ id: o.id, version: o.version })) }),
    );
    expect(result.changed).toHaveLength(25);
    await skipUndoWindow();
    await drainUntilSettled(shop.store.id, { timeoutMs: 30_000 });
    const remote = await Promise.all(orders.map((o) => atTribemade(o.tribemadeOrderId)));
    expect(remote.map((r) => r.order.status)).toEqual(Array(25).fill("processing"));
    expect(remote.every((r) => r.statusChanges.length === 1)).toBe(true);
    expect(await db.order.count({ where: { storeId: shop.store.id, sync: "synced", status: "processing" } })).toBe(25);
  });

  it("shows TribeMade's refusal in its words, and Retry queues the same change again", async () => {
    const { order } = await receiveOrder(control, shop);
    // The courier marked it delivered at TribeMade (no webhook): our cancel is now refused.
    await control.courierDeliver(order.tribemadeOrderId);
    const receipt = ok(await actions.changeOrderStatus({ orderId: order.id, version: order.version, status: "cancelled" }));
    await skipUndoWindow();
    await drainUntilSettled(shop.store.id);
    const failed = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(failed.sync).toBe("failed");
    expect(failed.syncError).toContain("already delivered");
    const apiChanges = (await atTribemade(order.tribemadeOrderId)).statusChanges.filter(
      (change) => (change as { source?: string }).source === "api",
    );
    expect(apiChanges).toEqual([]);

    ok(await actions.retryStatusPush({ orderId: order.id, version: failed.version }));
    const pushes = await db.outboxMessage.findMany({ where: { storeId: shop.store.id, kind: "push_status" } });
    expect(pushes).toHaveLength(1);
    expect(pushes[0]).toMatchObject({ status: "pending", dedupeKey: `push:${order.id}:${receipt.version}` });
    await drainUntilSettled(shop.store.id);
    expect((await db.order.findUniqueOrThrow({ where: { id: order.id } })).sync).toBe("failed");
  });
});

describe("the store rule", () => {
  it("marks an order processing once TribeMade confirms it, and TribeMade gets it", async () => {
    ok(await actions.setAutoProcessNewOrders({ storeId: shop.store.id, enabled: true }));
    const { order } = await receiveOrder(control, shop);
    await drainUntilSettled(shop.store.id);
    const local = await db.order.findUniqueOrThrow({ where: { id: order.id } });
    expect(local).toMatchObject({ verification: "verified", status: "processing", sync: "synced" });
    const events = await db.orderEvent.findMany({ where: { orderId: order.id }, orderBy: { id: "asc" } });
    expect(events.find((e) => e.type === "status_requested")).toMatchObject({ actor: "Store rule", actorUserId: null });
    expect((await atTribemade(order.tribemadeOrderId)).order.status).toBe("processing");
  });

  it("leaves new orders alone when off", async () => {
    const { order } = await receiveOrder(control, shop);
    await drainUntilSettled(shop.store.id);
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({
      verification: "verified",
      status: "started",
    });
    expect((await atTribemade(order.tribemadeOrderId)).statusChanges).toEqual([]);
  });
});
