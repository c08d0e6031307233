import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createStoreWithEndpoint } from "@/tests/fixtures/factories";
import { postWebhook, settleAfterTasks } from "@/tests/fixtures/webhook-client";
import { orderCreated } from "@/tests/fixtures/webhook-payloads";

vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

// A few thousand hostile bodies: whatever arrives at a known endpoint gets a 2xx or 4xx answer and
// exactly one delivery row; nothing crashes, nothing 5xxes, nothing pollutes a prototype.

const encoder = new TextEncoder();

const hostileString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("\u0000", "a\u0000b", "\ud800", "x\udfffy", "\uffff", "💥", '\'; DROP TABLE "Order"; --', ""),
  fc.nat({ max: 300_000 }).map((n) => "é".repeat(n)),
);
const hostileKey = fc.oneof(
  fc.constantFrom("__proto__", "constructor", "prototype", "\u0000", "\ud800"),
  fc.string({ maxLength: 8 }),
);
const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    hostileString,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie("value"), { maxKeys: 4 }),
  ),
})).value;

const paths = [
  "event",
  "order_id",
  "store_id",
  "product_id",
  "status",
  "created_at",
  "customer",
  "order_details",
  "customer.name",
  "customer.email",
  "customer.number",
  "customer.pincode",
  "customer.full_address",
  "order_details.quantity",
  "order_details.amount",
  "order_details.custom_questions",
  "order_details.size",
  "__proto__",
  "constructor",
  "custom_questions",
] as const;

/** A valid payload with one field replaced by something hostile (or removed). */
const mutatedPayload = fc.tuple(fc.constantFrom(...paths), hostileValue, fc.boolean()).map(([path, value, remove]) => {
  const payload = JSON.parse(JSON.stringify(orderCreated())) as Record<string, Record<string, unknown>>;
  const [head, tail] = path.split(".") as [string, string | undefined];
  const target = tail ? payload[head]! : payload;
  const key = tail ?? head;
  if (remove) delete target[key];
  else Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return JSON.stringify(payload);
});

const deepNesting = fc
  .tuple(fc.integer({ min: 1, max: 100_000 }), fc.boolean())
  .map(([depth, objects]) =>
    objects ? `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}` : `${"[".repeat(depth)}${"]".repeat(depth)}`,
  );
const deepInsidePayload = fc
  .integer({ min: 20, max: 5_000 })
  .map((depth) =>
    JSON.stringify(orderCreated()).replace(
      '"custom_questions":[]',
      `"custom_questions":${"[".repeat(depth)}${"]".repeat(depth)}`,
    ),
  );
const hugeNumbers = fc
  .constantFrom("1e400", "-1e400", "1e-400", "123456789012345678901234567890", "0.1e99999")
  .map((n) =>
    JSON.stringify(orderCreated())
      .replace('"amount":799', `"amount":${n}`)
      .replace('"custom_questions":[]', `"custom_questions":[${n}]`),
  );

const body: fc.Arbitrary<Uint8Array> = fc.oneof(
  mutatedPayload.map((text) => encoder.encode(text)),
  fc.jsonValue().map((value) => encoder.encode(JSON.stringify(value) ?? "")),
  hostileValue.map((value) => encoder.encode(JSON.stringify(value) ?? "")),
  fc.uint8Array({ maxLength: 200 }),
  fc
    .uint8Array({ maxLength: 50 })
    .map((tail) => new Uint8Array([...encoder.encode('{"event":"order.created","x":"'), ...tail, 0x22, 0x7d])),
  fc.constant(new Uint8Array(0)),
  deepNesting.map((text) => encoder.encode(text)),
  deepInsidePayload.map((text) => encoder.encode(text)),
  hugeNumbers.map((text) => encoder.encode(text)),
);

describe("webhook ingest under hostile bodies", () => {
  it("never answers 5xx and records every delivery", async () => {
    const { endpoint, token } = await createStoreWithEndpoint();
    const statuses = new Map<number, number>();
    let sent = 0;

    await fc.assert(
      fc.asyncProperty(body, async (bytes) => {
        const response = await postWebhook(token, bytes);
        sent++;
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect([200, 400, 403, 413]).toContain(response.status);
        if (response.status !== 200)
          expect(response.body).toMatchObject({ error: expect.any(String), message: expect.any(String) });
      }),
      { numRuns: 2_000 },
    );
    await settleAfterTasks();

    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(sent);
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id, reason: "internal_error" } })).toBe(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    // The mix really exercised both sides.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(0);
  }, 120_000);
});
