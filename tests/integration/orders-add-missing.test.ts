// "Add missing orders" (issue 20) against the simulator over HTTP: ids the desk lacks are read from
// TribeMade through the outbox (fetch_order, the order_get budget) and created verified, marked
// "added by" the member, with no webhook delivery and their own timeline entry; ids it has are
// answered with a link; an id this store's key does not know says so; nothing crosses stores.
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { startSimulatorForApp } from "@/tests/fixtures/outbox-env";

vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

const { sim, control } = await startSimulatorForApp();
const { db } = await import("@/lib/db");
const { addMissingOrders } = await import("@/lib/orders/missing/mutations");
const { missingOrdersProgress } = await import("@/lib/orders/missing/queries");
const { parseOrderIds } = await import("@/lib/orders/missing/schemas");
const { connectMerchant, drainUntilSettled, receiveOrder } = await import("@/tests/fixtures/outbox");

afterAll(() => sim.stop());

type Merchant = Awaited<ReturnType<typeof connectMerchant>>;
const memberOf = (merchant: Merchant) => ({ user: merchant.user, store: merchant.store, role: "owner" as const });

describe("add missing orders", () => {
  it("creates each order TribeMade has, verified and marked added by the member, links the ones the desk has, and says which the key does not know", async () => {
    const merchant = await connectMerchant(control, "Missing");
    const other = await connectMerchant(control, "Other");
    const { order: known } = await receiveOrder(control, merchant);
    const missing = [
      await control.placeOrder(merchant.simStore.id, { sendWebhook: false }),
      await control.placeOrder(merchant.simStore.id, { sendWebhook: false }),
    ];
    const foreign = await control.placeOrder(other.simStore.id, { sendWebhook: false });
    const unknown = randomUUID();
    const ids = [known.tribemadeOrderId, ...missing.map((placed) => placed.order.id), foreign.order.id, unknown];

    const submitted = await addMissingOrders(memberOf(merchant), ids);
    expect(submitted.results.map((result) => result.state)).toEqual(["known", "queued", "queued", "queued", "queued"]);
    expect(submitted.results[0]).toMatchObject({ orderId: known.id });

    await drainUntilSettled(merchant.store.id);
    const { results } = await missingOrdersProgress(memberOf(merchant), submitted.requestId);
    const stateOf = (id: string) => results.find((result) => result.tribemadeOrderId === id)?.state;
    expect(missing.map((placed) => stateOf(placed.order.id))).toEqual(["added", "added"]);
    expect(stateOf(foreign.order.id)).toBe("not_found");
    expect(stateOf(unknown)).toBe("not_found");

    const simOrder = missing[0]!.order;
    const added = await db.order.findUniqueOrThrow({
      where: { storeId_tribemadeOrderId: { storeId: merchant.store.id, tribemadeOrderId: simOrder.id } },
      include: { events: true, deliveries: true },
    });
    expect(added).toMatchObject({
      addedBy: merchant.user.name,
      verification: "verified",
      customerName: simOrder.customer.name,
      customerEmail: simOrder.customer.email,
      quantity: simOrder.order_details.quantity,
      productName: simOrder.product_name,
      status: "started",
    });
    expect(Number(added.amount)).toBe(simOrder.order_details.amount);
    expect(added.deliveries).toEqual([]);
    expect(added.events.map((event) => [event.type, event.actor, event.actorUserId])).toEqual([
      ["added_by_id", merchant.user.name, merchant.user.id],
    ]);
    const attempts = await db.outboxAttempt.findMany({ where: { storeId: merchant.store.id, kind: "fetch_order" } });
    expect(attempts.map((attempt) => attempt.method)).toEqual(["GET", "GET", "GET", "GET"]);
    // Nothing of the other store's changed: its order stays unknown to the desk.
    expect(await db.order.count({ where: { storeId: other.store.id } })).toBe(0);
    expect(await db.order.count({ where: { tribemadeOrderId: foreign.order.id } })).toBe(0);

    // Added again: now known, with its link; no second message, no second order.
    const again = await addMissingOrders(memberOf(merchant), [simOrder.id]);
    expect(again.results).toEqual([{ tribemadeOrderId: simOrder.id, state: "known", orderId: added.id, error: null }]);
    // Another store cannot read this submission's progress.
    expect((await missingOrdersProgress(memberOf(other), submitted.requestId)).results).toEqual([]);
  });

  it("reads pasted text as ids: one per line, trimmed, de-duplicated, anything else named", () => {
    const a = randomUUID();
    const b = randomUUID().toUpperCase();
    expect(parseOrderIds(` ${a}\n\n"${b}"\r\n${a}\nnot-an-id`)).toEqual({ ids: [a, b.toLowerCase()], invalid: ["not-an-id"] });
  });

  it("refuses without an API key, saying what to do", async () => {
    const merchant = await connectMerchant(control, "Keyless");
    await db.store.update({ where: { id: merchant.store.id }, data: { apiKeyCiphertext: null, apiKeyLast4: null } });
    await expect(addMissingOrders(memberOf(merchant), [randomUUID()])).rejects.toThrow(/API key/);
  });
});
