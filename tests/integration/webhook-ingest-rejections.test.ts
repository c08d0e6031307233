// What the webhook route refuses: each rejection answered with its status and reason, and recorded.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createEndpoint, createStoreWithEndpoint } from "@/tests/fixtures/factories";
import { callWebhook, postWebhook, settleAfterTasks } from "@/tests/fixtures/webhook-client";
import { DOCS_EXAMPLE_STORE_ID, orderCreated } from "@/tests/fixtures/webhook-payloads";

vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

const sha256 = (bytes: string | Uint8Array) => createHash("sha256").update(bytes).digest("hex");
const deliveriesOf = (endpointId: string) =>
  db.webhookDelivery.findMany({ where: { endpointId }, orderBy: { receivedAt: "asc" } });

describe("POST /api/webhooks/tribemade/[token]: rejections", () => {
  async function expectRejected(endpointId: string, reason: string) {
    const deliveries = await deliveriesOf(endpointId);
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]).toMatchObject({ outcome: "rejected", reason, orderId: null });
    return deliveries[0]!;
  }

  it("404s an unknown token and stores nothing", async () => {
    await createStoreWithEndpoint();
    const before = await Promise.all([db.webhookDelivery.count(), db.order.count()]);
    const response = await postWebhook("not-a-real-token", JSON.stringify(orderCreated()));
    expect(response.status).toBe(404);
    expect(response.body).toEqual({ error: "not_found", message: "Unknown or revoked webhook endpoint." });
    expect(await Promise.all([db.webhookDelivery.count(), db.order.count()])).toEqual(before);
  });

  it("404s a revoked endpoint and stores nothing", async () => {
    const { store } = await createStoreWithEndpoint();
    const revoked = await createEndpoint(store.id, { revoked: true });
    const response = await postWebhook(revoked.token, JSON.stringify(orderCreated()));
    expect(response.status).toBe(404);
    expect(await deliveriesOf(revoked.endpoint.id)).toHaveLength(0);
  });

  it.each([
    ["garbage", "{not json", "The body is not valid JSON (near byte 1)."],
    ["an empty body", "", "The body is empty; expected a JSON object."],
    ["invalid UTF-8", Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), "The body is not valid UTF-8."],
  ])("400 invalid_json for %s, recorded byte for byte", async (_, body, message) => {
    const { endpoint, token } = await createStoreWithEndpoint();
    const response = await postWebhook(token, body);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: "invalid_json", message });
    const delivery = await expectRejected(endpoint.id, "invalid_json");
    expect(Buffer.from(delivery.body).equals(Buffer.from(body))).toBe(true);
    expect(delivery.bodySha256).toBe(sha256(body));
    expect(delivery.errors).toEqual([{ path: "", message }]);
  });

  it("400 invalid_payload with every failing path, recorded with the same errors", async () => {
    const { endpoint, token } = await createStoreWithEndpoint();
    const payload = orderCreated({
      order_id: "ORD-42",
      customer: { name: "Asha", email: "asha@example.in", number: 9876543210 as unknown as string, pincode: "110001" },
      order_details: { quantity: 0, amount: -5 },
    });
    const response = await postWebhook(token, JSON.stringify(payload));
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: "invalid_payload",
      message: "The payload does not match the order.created contract.",
      details: [
        { path: "order_id", message: "must be a UUID" },
        { path: "customer.number", message: "Invalid input: expected string, received number" },
        { path: "order_details.quantity", message: "must be at least 1" },
        { path: "order_details.amount", message: "must not be negative" },
      ],
    });
    const delivery = await expectRejected(endpoint.id, "invalid_payload");
    expect(delivery.errors).toEqual((response.body as { details: unknown }).details);
    expect(delivery.orderRef).toBe("ORD-42");
  });

  it("400 invalid_payload for a body that is not an object, or misses required fields", async () => {
    const { token } = await createStoreWithEndpoint();
    const array = await postWebhook(token, "[1,2]");
    expect(array.body).toEqual({
      error: "invalid_payload",
      message: "The body must be a JSON object.",
      details: [{ path: "", message: "expected an object" }],
    });
    const empty = await postWebhook(token, "{}");
    expect(empty.status).toBe(400);
    expect((empty.body as { details: { path: string }[] }).details.map((d) => d.path)).toEqual([
      "event",
      "order_id",
      "customer",
      "order_details",
    ]);
  });

  it("400 unsupported_event for another event name", async () => {
    const { endpoint, token } = await createStoreWithEndpoint();
    const response = await postWebhook(token, JSON.stringify(orderCreated({ event: "order.updated" })));
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      error: "unsupported_event",
      message: 'Unsupported event "order.updated"; only order.created is handled.',
      details: [{ path: "event", message: 'expected "order.created"' }],
    });
    await expectRejected(endpoint.id, "unsupported_event");
  });

  it("403 store_mismatch when store_id differs from the store's, recorded, no order", async () => {
    const { store, endpoint, token } = await createStoreWithEndpoint({ tribemadeStoreId: DOCS_EXAMPLE_STORE_ID });
    const response = await postWebhook(token, JSON.stringify(orderCreated({ store_id: "11111111-2222-4333-8444-555555555555" })));
    expect(response.status).toBe(403);
    expect(response.body).toEqual({
      error: "store_mismatch",
      message: "store_id does not match the store this endpoint belongs to.",
    });
    const delivery = await expectRejected(endpoint.id, "store_mismatch");
    expect(delivery.errors).toEqual([{ path: "store_id", message: "does not match this store's TribeMade store id" }]);
    expect(await db.order.count({ where: { storeId: store.id } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { storeId: store.id } })).toBe(0);

    // The matching store id, in any case, and a payload without one are both fine.
    const upper = await postWebhook(token, JSON.stringify(orderCreated({ store_id: DOCS_EXAMPLE_STORE_ID.toUpperCase() })));
    expect(upper.status).toBe(200);
    expect((await postWebhook(token, JSON.stringify(orderCreated({ store_id: undefined })))).status).toBe(200);
  });

  it("learns the store id from the first accepted delivery only, then enforces it", async () => {
    const { store, token } = await createStoreWithEndpoint();
    const other = "22222222-3333-4444-8555-666666666666";
    // A rejected delivery teaches nothing.
    await postWebhook(token, JSON.stringify(orderCreated({ store_id: other, event: "order.updated" })));
    expect((await db.store.findUniqueOrThrow({ where: { id: store.id } })).tribemadeStoreId).toBeNull();

    expect((await postWebhook(token, JSON.stringify(orderCreated()))).status).toBe(200);
    expect((await db.store.findUniqueOrThrow({ where: { id: store.id } })).tribemadeStoreId).toBe(DOCS_EXAMPLE_STORE_ID);
    expect((await postWebhook(token, JSON.stringify(orderCreated({ store_id: other })))).status).toBe(403);
  });

  it("413 payload_too_large past 256 KiB, recording the first 256 KiB", async () => {
    const { endpoint, token } = await createStoreWithEndpoint();
    const body = JSON.stringify({ ...orderCreated(), padding: "x".repeat(300 * 1024) });
    const response = await postWebhook(token, body);
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ error: "payload_too_large", message: "The body exceeds 262144 bytes." });
    const delivery = await expectRejected(endpoint.id, "payload_too_large");
    const kept = Buffer.from(body).subarray(0, 256 * 1024);
    expect(delivery.bodySize).toBe(256 * 1024);
    expect(Buffer.from(delivery.body).equals(kept)).toBe(true);
    expect(delivery.bodySha256).toBe(sha256(kept));
  });

  it("accepts a body of exactly 256 KiB", async () => {
    const { token } = await createStoreWithEndpoint();
    const base = JSON.stringify({ ...orderCreated(), padding: "" });
    const body = base.replace('"padding":""', `"padding":"${"x".repeat(256 * 1024 - base.length)}"`);
    expect(Buffer.byteLength(body)).toBe(256 * 1024);
    expect((await postWebhook(token, body)).status).toBe(200);
  });

  it.each(["GET", "PUT", "PATCH", "DELETE"])("405 method_not_allowed for %s with an Allow header", async (method) => {
    const { token } = await createStoreWithEndpoint();
    const response = await callWebhook(token, "{}", { method });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
    expect(response.body).toEqual({ error: "method_not_allowed", message: "Webhooks are delivered with POST." });
  });
});

afterAll(async () => {
  await settleAfterTasks();
});

beforeAll(() => {
  expect(process.env.DATABASE_URL).toMatch(/^postgres/);
});
