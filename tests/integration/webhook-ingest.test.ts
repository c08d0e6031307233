import { createHash } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { verifyOrderRow } from "@/lib/orders/outbox/messages";
import type { OutboxRow } from "@/lib/outbox/messages";
import { createStoreWithEndpoint } from "@/tests/fixtures/factories";
import { postWebhook, settleAfterTasks } from "@/tests/fixtures/webhook-client";
import {
  DOCS_CURL_BODY,
  DOCS_EXAMPLE_BODY,
  DOCS_EXAMPLE_ORDER_ID,
  DOCS_EXAMPLE_STORE_ID,
  orderCreated,
} from "@/tests/fixtures/webhook-payloads";

vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

const pick = ({ kind, payload, dedupeKey, priority }: OutboxRow) => ({ kind, payload, dedupeKey, priority });
const sha256 = (bytes: string | Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const deliveriesOf = (endpointId: string) =>
  db.webhookDelivery.findMany({ where: { endpointId }, orderBy: { receivedAt: "asc" } });

describe("POST /api/webhooks/tribemade/[token]: accepted and duplicate", () => {
  it("accepts the Webhooks page's example payload and records everything in one go", async () => {
    const { store, endpoint, token } = await createStoreWithEndpoint();
    const response = await postWebhook(token, DOCS_EXAMPLE_BODY);

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: "accepted", order_id: DOCS_EXAMPLE_ORDER_ID });

    const order = await db.order.findFirstOrThrow({ where: { storeId: store.id } });
    expect(order).toMatchObject({
      tribemadeOrderId: DOCS_EXAMPLE_ORDER_ID,
      status: "started",
      customerName: "Rahul Sharma",
      customerEmail: "rahul.sharma@example.com",
      customerPhone: "9876543210",
      customerPincode: "400001",
      customerAddress: "123, MG Road, Apartment 4B, Mumbai, Maharashtra, India",
      quantity: 2,
      productId: "660e8400-e29b-41d4-a716-446655440123",
      verification: "unverified",
    });
    expect(order.amount.toString()).toBe("2048");
    expect(order.placedAt?.toISOString()).toBe("2024-11-16T10:30:45.123Z");
    expect(order.payload).toEqual(JSON.parse(DOCS_EXAMPLE_BODY));

    const events = await db.orderEvent.findMany({ where: { orderId: order.id } });
    expect(events.map((e) => e.type)).toEqual(["received"]);
    const outbox = await db.outboxMessage.findMany({ where: { storeId: store.id } });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      kind: "verify_order",
      priority: 1,
      status: "pending",
      dedupeKey: `verify:${DOCS_EXAMPLE_ORDER_ID}`,
      payload: { orderId: order.id, tribemadeOrderId: DOCS_EXAMPLE_ORDER_ID },
    });
    // The statement's SQL and the outbox catalogue's row builder describe the same row.
    const { kind, payload, dedupeKey, priority } = outbox[0]!;
    expect({ kind, payload, dedupeKey, priority }).toEqual(
      pick(verifyOrderRow(store.id, { orderId: order.id, tribemadeOrderId: DOCS_EXAMPLE_ORDER_ID })),
    );

    const [delivery, ...rest] = await deliveriesOf(endpoint.id);
    expect(rest).toHaveLength(0);
    expect(delivery).toMatchObject({
      outcome: "accepted",
      reason: null,
      orderId: order.id,
      orderRef: DOCS_EXAMPLE_ORDER_ID,
      bodySize: Buffer.byteLength(DOCS_EXAMPLE_BODY),
      bodySha256: sha256(DOCS_EXAMPLE_BODY),
      warnings: null,
      replayOfId: null,
    });
    // Written with its order, at the same now(): the inspector's search finds a customer's
    // deliveries by walking the orders on this (lib/webhooks/delivery-page.ts).
    expect(delivery!.receivedAt).toEqual(order.receivedAt);
    expect(Buffer.from(delivery!.body).toString("utf8")).toBe(DOCS_EXAMPLE_BODY);
    expect(delivery!.headers).toMatchObject({ "content-type": "application/json", "user-agent": "TribeMade-Webhook/1.0" });
    expect(delivery!.ackMs).toBeGreaterThan(0);
    expect(delivery!.ackMs).toBeLessThan(1_000);

    // The store learns its TribeMade id from its first accepted delivery; the endpoint its last use.
    expect((await db.store.findUniqueOrThrow({ where: { id: store.id } })).tribemadeStoreId).toBe(DOCS_EXAMPLE_STORE_ID);
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).lastUsedAt).not.toBeNull();
    await settleAfterTasks();
  });

  it("accepts the page's minimal curl example, with warnings for what it omits", async () => {
    const { store, endpoint, token } = await createStoreWithEndpoint();
    const response = await postWebhook(token, DOCS_CURL_BODY);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: "accepted", order_id: DOCS_EXAMPLE_ORDER_ID });

    const [delivery] = await deliveriesOf(endpoint.id);
    expect(delivery?.warnings).toEqual(["missing store_id", "missing product_id"]);
    const order = await db.order.findFirstOrThrow({ where: { storeId: store.id } });
    expect(order).toMatchObject({ quantity: 1, customerAddress: "123 Test St, Test City", productId: null });
    // Nothing to learn from a payload without store_id.
    expect((await db.store.findUniqueOrThrow({ where: { id: store.id } })).tribemadeStoreId).toBeNull();
  });

  it("answers a repeat as duplicate, links it to the order and adds a duplicate_received event", async () => {
    const { store, endpoint, token } = await createStoreWithEndpoint();
    const body = JSON.stringify(orderCreated());
    const first = await postWebhook(token, body);
    const second = await postWebhook(token, body);
    expect(first.body).toMatchObject({ status: "accepted" });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ status: "duplicate" });

    const order = await db.order.findFirstOrThrow({ where: { storeId: store.id } });
    const deliveries = await deliveriesOf(endpoint.id);
    expect(deliveries.map((d) => [d.outcome, d.orderId])).toEqual([
      ["accepted", order.id],
      ["duplicate", order.id],
    ]);
    const events = await db.orderEvent.findMany({ where: { orderId: order.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["received", "duplicate_received"]);
    expect(await db.outboxMessage.count({ where: { storeId: store.id } })).toBe(1);
  });

  it("treats the same order_id in another case as the same order", async () => {
    const { store, token } = await createStoreWithEndpoint();
    const payload = orderCreated();
    await postWebhook(token, JSON.stringify(payload));
    const again = await postWebhook(token, JSON.stringify({ ...payload, order_id: payload.order_id.toUpperCase() }));
    expect(again.body).toEqual({ status: "duplicate", order_id: payload.order_id.toUpperCase() });
    expect(await db.order.count({ where: { storeId: store.id } })).toBe(1);
  });

  it("keeps the same order_id apart in two stores", async () => {
    const a = await createStoreWithEndpoint();
    const b = await createStoreWithEndpoint();
    const body = JSON.stringify(orderCreated({ store_id: undefined }));
    expect((await postWebhook(a.token, body)).body).toMatchObject({ status: "accepted" });
    expect((await postWebhook(b.token, body)).body).toMatchObject({ status: "accepted" });
  });

  it("turns 50 concurrent copies into one order, one outbox message and 49 duplicates", async () => {
    const { store, endpoint, token } = await createStoreWithEndpoint();
    const body = JSON.stringify(orderCreated());
    const responses = await Promise.all(Array.from({ length: 50 }, () => postWebhook(token, body)));

    expect(responses.map((r) => r.status)).toEqual(Array(50).fill(200));
    const statuses = responses.map((r) => (r.body as { status: string }).status);
    expect(statuses.filter((s) => s === "accepted")).toHaveLength(1);
    expect(statuses.filter((s) => s === "duplicate")).toHaveLength(49);

    const order = await db.order.findFirstOrThrow({ where: { storeId: store.id } });
    expect(await db.order.count({ where: { storeId: store.id } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { storeId: store.id } })).toBe(1);
    const deliveries = await deliveriesOf(endpoint.id);
    expect(deliveries.filter((d) => d.outcome === "duplicate")).toHaveLength(49);
    expect(deliveries.every((d) => d.orderId === order.id)).toBe(true);
    expect(await db.orderEvent.count({ where: { orderId: order.id, type: "duplicate_received" } })).toBe(49);
    await settleAfterTasks();
  });

  it("stores the body byte for byte, odd whitespace included, with its SHA-256", async () => {
    const { endpoint, token } = await createStoreWithEndpoint();
    const body = `\r\n\t ${JSON.stringify(orderCreated(), null, "\t").replaceAll("\n", " \r\n")}  \n\n`;
    expect((await postWebhook(token, body)).status).toBe(200);
    const [delivery] = await deliveriesOf(endpoint.id);
    expect(Buffer.from(delivery!.body).equals(Buffer.from(body))).toBe(true);
    expect(delivery!.bodySha256).toBe(sha256(body));
  });
});

describe("POST /api/webhooks/tribemade/[token]: atomicity and wake-ups", () => {
  it("leaves nothing half-written when the statement fails, and records the failure", async () => {
    const { store, endpoint, token } = await createStoreWithEndpoint();
    // Fail the last write of the statement (the outbox insert) for this store only.
    await db.$executeRawUnsafe(`
      CREATE FUNCTION fail_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'injected failure'; END $$;
      CREATE TRIGGER fail_outbox BEFORE INSERT ON "OutboxMessage" FOR EACH ROW
        WHEN (NEW."storeId" = '${store.id}') EXECUTE FUNCTION fail_outbox();`);
    try {
      const errors = vi.spyOn(console, "error").mockImplementation(() => {});
      const response = await postWebhook(token, JSON.stringify(orderCreated()));
      errors.mockRestore();
      // 503 + Retry-After, never 500: TribeMade should send it again once the cause is fixed.
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(response.body).toEqual({ error: "unavailable", message: "The delivery could not be stored; try again shortly." });
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER fail_outbox ON "OutboxMessage"; DROP FUNCTION fail_outbox();`);
    }
    expect(await db.order.count({ where: { storeId: store.id } })).toBe(0);
    expect(await db.orderEvent.count({ where: { storeId: store.id } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { storeId: store.id } })).toBe(0);
    expect(await db.store.findUniqueOrThrow({ where: { id: store.id } })).toMatchObject({ tribemadeStoreId: null });
    // Only the fallback record: the delivery arrived, nothing of it was applied.
    const deliveries = await deliveriesOf(endpoint.id);
    expect(deliveries.map((d) => [d.outcome, d.reason, d.orderId])).toEqual([["rejected", "internal_error", null]]);
  });

  it("wakes the outbox and the live feed after the response", async () => {
    const { store, token } = await createStoreWithEndpoint();
    // LISTEN needs a session: the direct URL in the pooler tier.
    const listener = new pg.Client(process.env.DATABASE_URL_UNPOOLED ?? process.env.DATABASE_URL);
    await listener.connect();
    const received: { channel: string; payload?: string }[] = [];
    listener.on("notification", (n) => received.push({ channel: n.channel, payload: n.payload }));
    await listener.query("LISTEN tribedesk_outbox; LISTEN tribedesk_feed");
    try {
      const accepted = await postWebhook(token, JSON.stringify(orderCreated()));
      await postWebhook(token, "nope");
      await settleAfterTasks();
      // Other tests' wake-ups may still be in flight: look at this store's only.
      const mine = () => received.filter((n) => n.payload?.includes(store.id));
      await vi.waitFor(() => expect(mine()).toHaveLength(3));
      expect(
        mine()
          .filter((n) => n.channel === "tribedesk_outbox")
          .map((n) => n.payload),
      ).toEqual([store.id]);
      const feed = mine()
        .filter((n) => n.channel === "tribedesk_feed")
        .map((n) => JSON.parse(n.payload!));
      expect(feed.map((e) => [e.type, e.storeId, e.outcome])).toEqual([
        ["delivery", store.id, "accepted"],
        ["delivery", store.id, "rejected"],
      ]);
      expect(accepted.status).toBe(200);
    } finally {
      await listener.end();
    }
  });
});

afterAll(async () => {
  await settleAfterTasks();
});

beforeAll(() => {
  expect(process.env.DATABASE_URL).toMatch(/^postgres/);
});
