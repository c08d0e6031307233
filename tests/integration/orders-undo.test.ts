// Undo and retry: undo takes back a change whose push has not been sent (and refuses once a drainer
// has it); retry re-queues a failed push without ever queueing the same change twice.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ok } from "@/tests/fixtures/action-result";

vi.mock("next/headers", async () => (await import("@/tests/fixtures/auth-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/tests/fixtures/auth-request")).nextCache);
vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

const { actAs } = await import("@/tests/fixtures/auth-request");
const { addMember, createMerchant } = await import("@/tests/fixtures/auth-merchants");
const { createOrder } = await import("@/tests/fixtures/orders");
const { eventsOf, orderRow, pushesOf } = await import("@/tests/fixtures/order-reads");
const actions = await import("@/lib/orders/actions");
const { db } = await import("@/lib/db");

type Merchant = Awaited<ReturnType<typeof createMerchant>>;
let shop: Merchant;
let staff: Awaited<ReturnType<typeof addMember>>;

beforeEach(async () => {
  shop = await createMerchant("Chai");
  staff = await addMember(shop.store.id, "staff", { name: "Ravi Staff" });
  await actAs(shop.user);
});

describe("undo", () => {
  it("takes back a change whose push has not been sent: message gone, status and link restored", async () => {
    const order = await createOrder(shop.store.id, { status: "processing", trackingUrl: null });
    const link = { kind: "url", url: "https://track.example.in/AB123" };
    ok(await actions.changeOrderStatus({ orderId: order.id, version: 0, status: "dispatched", tracking: link }));
    await actAs(staff.user);
    expect(ok(await actions.undoStatusChange({ orderId: order.id, version: 1 }))).toEqual({
      orderId: order.id,
      status: "processing",
      version: 2,
    });
    expect(await orderRow(order.id)).toMatchObject({ status: "processing", trackingUrl: null, sync: "synced", version: 2 });
    expect(await pushesOf(shop.store.id, order.id)).toEqual([]);
    const events = await eventsOf(order.id);
    expect(events.map((event) => [event.type, event.actor])).toEqual([
      ["status_requested", shop.user.name],
      ["status_undone", "Ravi Staff"],
    ]);
    expect(events[1]?.data).toMatchObject({ undoneVersion: 1, to: "processing", version: 2 });
  });

  it("says so when the push was already claimed or tried", async () => {
    const order = await createOrder(shop.store.id);
    ok(await actions.changeOrderStatus({ orderId: order.id, version: 0, status: "processing" }));
    await db.outboxMessage.updateMany({ where: { dedupeKey: `push:${order.id}:1` }, data: { status: "leased" } });
    expect(await actions.undoStatusChange({ orderId: order.id, version: 1 })).toEqual({
      ok: false,
      error: { code: "already_sent", message: "Too late to undo: it has been sent to TribeMade, which emails the customer." },
    });
    await db.outboxMessage.updateMany({ where: { dedupeKey: `push:${order.id}:1` }, data: { status: "pending", attempts: 1 } });
    expect(await actions.undoStatusChange({ orderId: order.id, version: 1 })).toMatchObject({
      ok: false,
      error: { code: "already_sent" },
    });
    expect(await orderRow(order.id)).toMatchObject({ status: "processing", version: 1 });
  });

  it("undoes only the latest change, and keeps an earlier push's pending state", async () => {
    const order = await createOrder(shop.store.id);
    ok(await actions.changeOrderStatus({ orderId: order.id, version: 0, status: "processing" }));
    ok(await actions.changeOrderStatus({ orderId: order.id, version: 1, status: "dispatched" }));
    expect(await actions.undoStatusChange({ orderId: order.id, version: 1 })).toMatchObject({
      ok: false,
      error: { code: "conflict" },
    });
    ok(await actions.undoStatusChange({ orderId: order.id, version: 2 }));
    // processing's push is still queued, so the order is still syncing.
    expect(await orderRow(order.id)).toMatchObject({ status: "processing", sync: "pending", version: 3 });
    expect((await pushesOf(shop.store.id, order.id)).map((push) => push.dedupeKey)).toEqual([`push:${order.id}:1`]);
  });

  it("undoes a bulk change order by order, saying which were too late", async () => {
    const a = await createOrder(shop.store.id);
    const b = await createOrder(shop.store.id);
    const bulk = ok(await actions.bulkChangeStatus({ status: "processing", orders: [{ id: a.id }, { id: b.id }] }));
    await db.outboxMessage.updateMany({ where: { dedupeKey: `push:${b.id}:1` }, data: { status: "done" } });
    const undone = ok(
      await actions.undoStatusChanges({ changes: bulk.changed.map((c) => ({ orderId: c.orderId, version: c.version })) }),
    );
    expect(undone).toEqual(
      expect.arrayContaining([
        { outcome: "undone", orderId: a.id, status: "started", version: 2 },
        expect.objectContaining({ outcome: "refused", orderId: b.id, code: "already_sent" }),
      ]),
    );
  });
});

describe("retry after a failed push", () => {
  it("puts the dead message back in the queue and the order back to syncing", async () => {
    const order = await createOrder(shop.store.id);
    ok(await actions.changeOrderStatus({ orderId: order.id, version: 0, status: "processing" }));
    await db.outboxMessage.updateMany({
      where: { dedupeKey: `push:${order.id}:1` },
      data: { status: "dead", attempts: 1, lastError: "boom" },
    });
    await db.order.update({ where: { id: order.id }, data: { sync: "failed", syncError: "Order is already processing" } });

    expect(ok(await actions.retryStatusPush({ orderId: order.id, version: 1 }))).toEqual({ orderId: order.id, version: 1 });
    const [push] = await pushesOf(shop.store.id, order.id);
    expect(push).toMatchObject({ status: "pending", dedupeKey: `push:${order.id}:1` });
    expect(push!.availableAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect(await orderRow(order.id)).toMatchObject({ sync: "pending", syncError: null });
    expect((await eventsOf(order.id)).at(-1)).toMatchObject({ type: "status_retry_requested", actor: shop.user.name });
    // Nothing failed any more: a second retry is refused.
    expect(await actions.retryStatusPush({ orderId: order.id, version: 1 })).toMatchObject({
      ok: false,
      error: { code: "conflict" },
    });
  });

  it("queues the current status again when the failed message is gone", async () => {
    const order = await createOrder(shop.store.id, { status: "dispatched", trackingUrl: "https://track.example.in/1" });
    await db.order.update({ where: { id: order.id }, data: { sync: "failed", syncError: "TribeMade said no", version: 4 } });
    expect(ok(await actions.retryStatusPush({ orderId: order.id, version: 4 }))).toEqual({ orderId: order.id, version: 5 });
    const [push] = await pushesOf(shop.store.id, order.id);
    expect(push?.payload).toMatchObject({ status: "dispatched", trackingUrl: "https://track.example.in/1", version: 5 });
  });
});
