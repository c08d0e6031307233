import { describe, expect, it, vi } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { db } from "@/lib/db";
import { createStoreWithEndpoint } from "@/tests/fixtures/factories";
import { postWebhook, settleAfterTasks } from "@/tests/fixtures/webhook-client";
import { orderCreated } from "@/tests/fixtures/webhook-payloads";

vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

// Issue 13's report, reproduced against a real PgBouncer 1.18 in transaction mode (this tier's
// DATABASE_URL, a plain URL whose shape says nothing): sequential and concurrent webhooks must all
// be acknowledged and recorded, whatever the pooler does with prepared statements.

const accepted = (response: { status: number; body: unknown }) =>
  response.status === 200 && (response.body as { status?: string }).status === "accepted";

describe("webhook ingest through a transaction pooler", () => {
  it("accepts and records 40 sequential webhooks, as the Webhooks page sends them", async () => {
    const { store, token } = await createStoreWithEndpoint();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) {
      const response = await postWebhook(token, JSON.stringify(orderCreated({ store_id: undefined })));
      statuses.push(accepted(response) ? 200 : response.status);
    }
    warn.mockRestore();
    await settleAfterTasks();
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    expect(await db.webhookDelivery.count({ where: { storeId: store.id, outcome: "accepted" } })).toBe(40);
    expect(await db.order.count({ where: { storeId: store.id } })).toBe(40);
  });

  it("accepts and records 50 concurrent webhooks, then reports the pooled path in /api/health", async () => {
    const { store, token } = await createStoreWithEndpoint();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const bodies = Array.from({ length: 50 }, () => JSON.stringify(orderCreated({ store_id: undefined })));
    // Two waves: the second finds server connections the first prepared statements on.
    const responses = [
      ...(await Promise.all(bodies.slice(0, 25).map((body) => postWebhook(token, body)))),
      ...(await Promise.all(bodies.slice(25).map((body) => postWebhook(token, body)))),
    ];
    warn.mockRestore();
    await settleAfterTasks();

    expect(responses.filter((response) => !accepted(response)).map((response) => response.status)).toEqual([]);
    expect(await db.webhookDelivery.count({ where: { storeId: store.id } })).toBe(50);
    expect(await db.webhookDelivery.count({ where: { storeId: store.id, outcome: "accepted" } })).toBe(50);
    expect(await db.order.count({ where: { storeId: store.id } })).toBe(50);
    expect(await db.outboxMessage.count({ where: { storeId: store.id, kind: "verify_order" } })).toBe(50);

    // PgBouncer 1.18 lost a named statement at least once in the 90 webhooks above; the app noticed,
    // and LISTEN still works because DATABASE_URL_UNPOOLED is set.
    const report = (await (await health()).json()) as { database: unknown };
    expect(report.database).toEqual({ path: "pooled", preparedStatements: "unnamed", listen: true });
  });

  it("takes a burst of 200 distinct new orders at once through the pooler: none refused, every one recorded", async () => {
    const { store, token } = await createStoreWithEndpoint();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const payloads = Array.from({ length: 200 }, () => orderCreated({ store_id: undefined }));
    const responses = await Promise.all(payloads.map((payload) => postWebhook(token, JSON.stringify(payload))));
    warn.mockRestore();
    await settleAfterTasks();

    expect(responses.filter((response) => !accepted(response)).map((response) => response.status)).toEqual([]);
    expect(await db.order.count({ where: { storeId: store.id } })).toBe(200);
    expect(await db.webhookRefusal.count({ where: { storeId: store.id } })).toBe(0);
  });
});
