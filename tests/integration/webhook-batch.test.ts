import { describe, expect, it, vi } from "vitest";
import { db, ingestPool } from "@/lib/db";
import { INGEST_SQL } from "@/lib/webhooks/ingest/statement";
import { createEndpoint, createStoreWithEndpoint } from "@/tests/fixtures/factories";
import { postWebhook, settleAfterTasks } from "@/tests/fixtures/webhook-client";
import { orderCreated } from "@/tests/fixtures/webhook-payloads";

vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

// Deliveries that arrive together are committed together (lib/webhooks/ingest/group-commit.ts).
// Each caller must still get exactly its own outcome, and one bad delivery must not sink the rest.

/** Ingest statements that carried more than one delivery. */
function batchStatements(spy: { mock: { calls: unknown[][] } }) {
  return spy.mock.calls.filter(([config]) => {
    const query = config as { text?: string; values?: unknown[] };
    return query?.text === INGEST_SQL && (query.values?.[1] as unknown[]).length > 1;
  }).length;
}

describe("ingest under concurrent load", () => {
  it("gives every caller its own outcome when deliveries share statements", async () => {
    const a = await createStoreWithEndpoint();
    const aSecond = await createEndpoint(a.store.id, { label: "rotation" });
    const b = await createStoreWithEndpoint({ tribemadeStoreId: "33333333-4444-4555-8666-777777777777" });
    const spy = vi.spyOn(ingestPool, "query");

    const shared = orderCreated({ store_id: undefined });
    const requests = [
      ...Array.from({ length: 30 }, () => postWebhook(a.token, JSON.stringify(orderCreated({ store_id: undefined })))),
      ...Array.from({ length: 20 }, () => postWebhook(b.token, JSON.stringify(orderCreated({ store_id: undefined })))),
      // TribeMade posts one order to every configured URL at once.
      postWebhook(a.token, JSON.stringify(shared)),
      postWebhook(aSecond.token, JSON.stringify(shared)),
      postWebhook(a.token, JSON.stringify(shared)),
      // Another store's order on b's URL, an unknown URL.
      postWebhook(b.token, JSON.stringify(orderCreated({ store_id: "99999999-8888-4777-8666-555555555555" }))),
      postWebhook("no-such-token", JSON.stringify(orderCreated())),
    ];
    const responses = await Promise.all(requests);
    const batches = batchStatements(spy);
    spy.mockRestore();
    await settleAfterTasks();

    expect(responses.slice(0, 50).every((r) => r.status === 200 && (r.body as { status: string }).status === "accepted")).toBe(
      true,
    );
    const sharedStatuses = responses
      .slice(50, 53)
      .map((r) => (r.body as { status: string }).status)
      .sort();
    expect(sharedStatuses).toEqual(["accepted", "duplicate", "duplicate"]);
    expect(responses[53]).toMatchObject({ status: 403, body: { error: "store_mismatch" } });
    expect(responses[54]).toMatchObject({ status: 404 });
    expect(batches).toBeGreaterThan(0);

    expect(await db.order.count({ where: { storeId: a.store.id } })).toBe(31);
    expect(await db.order.count({ where: { storeId: b.store.id } })).toBe(20);
    expect(await db.outboxMessage.count({ where: { storeId: { in: [a.store.id, b.store.id] } } })).toBe(51);
    const sharedOrder = await db.order.findFirstOrThrow({ where: { storeId: a.store.id, tribemadeOrderId: shared.order_id } });
    const sharedDeliveries = await db.webhookDelivery.findMany({ where: { orderRef: shared.order_id } });
    expect(sharedDeliveries).toHaveLength(3);
    expect(sharedDeliveries.every((d) => d.orderId === sharedOrder.id)).toBe(true);
    expect(new Set(sharedDeliveries.map((d) => d.endpointId))).toEqual(new Set([a.endpoint.id, aSecond.endpoint.id]));
    // Every accepted delivery points at the order carrying its own order_id.
    const mismatched = await db.$queryRaw<{ count: bigint }[]>`
      SELECT count(*) FROM "WebhookDelivery" d JOIN "Order" o ON o.id = d."orderId"
      WHERE d."storeId" IN (${a.store.id}::uuid, ${b.store.id}::uuid) AND o."tribemadeOrderId"::text <> d."orderRef"`;
    expect(Number(mismatched[0]?.count)).toBe(0);
    expect(await db.orderEvent.count({ where: { storeId: a.store.id, type: "duplicate_received" } })).toBe(2);
  });

  it("keeps one store's failing delivery from failing the others in its batch", async () => {
    const good = await createStoreWithEndpoint();
    const bad = await createStoreWithEndpoint();
    await db.$executeRawUnsafe(`
      CREATE FUNCTION fail_outbox_batch() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'injected failure'; END $$;
      CREATE TRIGGER fail_outbox_batch BEFORE INSERT ON "OutboxMessage" FOR EACH ROW
        WHEN (NEW."storeId" = '${bad.store.id}') EXECUTE FUNCTION fail_outbox_batch();`);
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const responses = await Promise.all([
        ...Array.from({ length: 10 }, () => postWebhook(good.token, JSON.stringify(orderCreated({ store_id: undefined })))),
        postWebhook(bad.token, JSON.stringify(orderCreated({ store_id: undefined }))),
        ...Array.from({ length: 10 }, () => postWebhook(good.token, JSON.stringify(orderCreated({ store_id: undefined })))),
      ]);
      expect(responses.filter((r) => r.status === 200)).toHaveLength(20);
      expect(responses[10]).toMatchObject({ status: 503, body: { error: "unavailable" } });
    } finally {
      errors.mockRestore();
      await db.$executeRawUnsafe(`DROP TRIGGER fail_outbox_batch ON "OutboxMessage"; DROP FUNCTION fail_outbox_batch();`);
    }
    expect(await db.order.count({ where: { storeId: good.store.id } })).toBe(20);
    expect(await db.order.count({ where: { storeId: bad.store.id } })).toBe(0);
    const badDeliveries = await db.webhookDelivery.findMany({ where: { storeId: bad.store.id } });
    expect(badDeliveries.map((d) => [d.outcome, d.reason])).toEqual([["rejected", "internal_error"]]);
    await settleAfterTasks();
  });
});
