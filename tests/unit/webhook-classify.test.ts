import { describe, expect, it } from "vitest";
import { classifyBody, MAX_BODY_BYTES } from "@/lib/webhooks/ingest/classify";
import { parseTribemadeTimestamp } from "@/lib/webhooks/payload-schema";
import { DOCS_CURL_BODY, DOCS_EXAMPLE_BODY, orderCreated } from "@/tests/fixtures/webhook-payloads";

const bytes = (text: string) => new TextEncoder().encode(text);
const classify = (value: unknown) => classifyBody(bytes(typeof value === "string" ? value : JSON.stringify(value)), false);

describe("classifyBody", () => {
  it("accepts the docs example with typed order fields and no warnings", () => {
    const verdict = classify(DOCS_EXAMPLE_BODY);
    expect(verdict.kind).toBe("valid");
    if (verdict.kind !== "valid") return;
    expect(verdict.warnings).toEqual([]);
    expect(verdict.order).toEqual({
      orderId: "770e8400-e29b-41d4-a716-446655440789",
      orderIdAsSent: "770e8400-e29b-41d4-a716-446655440789",
      tribemadeStoreId: "550e8400-e29b-41d4-a716-446655440000",
      productId: "660e8400-e29b-41d4-a716-446655440123",
      placedAt: new Date("2024-11-16T10:30:45.123Z"),
      customerName: "Rahul Sharma",
      customerEmail: "rahul.sharma@example.com",
      customerPhone: "9876543210",
      customerPincode: "400001",
      customerAddress: "123, MG Road, Apartment 4B, Mumbai, Maharashtra, India",
      quantity: 2,
      amount: "2048.00",
    });
  });

  it("accepts the curl example, warning about the documented fields it omits", () => {
    const verdict = classify(DOCS_CURL_BODY);
    expect(verdict).toMatchObject({ kind: "valid", warnings: ["missing store_id", "missing product_id"] });
  });

  it("keeps unknown fields in the stored payload", () => {
    const verdict = classify({
      ...orderCreated(),
      shipping: { courier: "Delhivery" },
      customer: { ...orderCreated().customer, gst: "X" },
    });
    expect(verdict.kind).toBe("valid");
    if (verdict.kind === "valid") {
      expect(JSON.parse(verdict.payloadJson)).toMatchObject({ shipping: { courier: "Delhivery" }, customer: { gst: "X" } });
    }
  });

  it("warns (does not reject) on a non-started status, an object address and an odd email", () => {
    const payload = orderCreated({ status: "processing" });
    const verdict = classify({
      ...payload,
      customer: {
        ...payload.customer,
        email: "n/a",
        full_address: { line1: "12 MG Road", city: "Pune", state: "MH", country: "India" },
      },
    });
    expect(verdict.kind).toBe("valid");
    if (verdict.kind !== "valid") return;
    expect(verdict.order.customerAddress).toBe("12 MG Road, Pune, MH, India");
    expect(verdict.warnings).toEqual([
      "customer.full_address is an object; stored flattened",
      'status is "processing"; new orders are always "started"',
      "customer.email does not look like an email address",
    ]);
  });

  it("treats null optional fields as absent", () => {
    const verdict = classify({ ...orderCreated(), store_id: null, product_id: null, created_at: null });
    expect(verdict).toMatchObject({ kind: "valid", warnings: ["missing store_id", "missing product_id", "missing created_at"] });
  });

  it.each([
    [new Uint8Array(0), "invalid_json"],
    [bytes("   "), "invalid_json"],
    [bytes("{"), "invalid_json"],
    [new Uint8Array([0xff, 0xfe]), "invalid_json"],
    [bytes("null"), "invalid_payload"],
    [bytes('"order.created"'), "invalid_payload"],
    [bytes("[]"), "invalid_payload"],
    [bytes('{"event":"order.cancelled"}'), "unsupported_event"],
    [bytes('{"event":42}'), "invalid_payload"],
  ])("rejects %s as %s", (body, reason) => {
    expect(classifyBody(body, false)).toMatchObject({ kind: "rejected", reason });
  });

  it("rejects an oversized body before looking at it", () => {
    expect(classifyBody(bytes("{}"), true)).toMatchObject({
      kind: "rejected",
      reason: "payload_too_large",
      message: `The body exceeds ${MAX_BODY_BYTES} bytes.`,
      exposeDetails: false,
    });
  });

  it("never quotes the body in a JSON error (it may hold PII)", () => {
    const verdict = classify('{"customer": {"email": "secret@example.com"');
    expect(JSON.stringify(verdict)).not.toContain("secret");
  });

  it.each([
    [{ quantity: 1.5, amount: 10 }, "order_details.quantity", "must be a whole number"],
    [{ quantity: 3_000_000_000, amount: 10 }, "order_details.quantity", "must be at most 2147483647"],
    [{ quantity: 1, amount: "10" }, "order_details.amount", "must be a number"],
    [{ quantity: 1, amount: 1e12 }, "order_details.amount", "must be at most 9999999999.99"],
    [{ quantity: 1, amount: 1, size: 5 }, "order_details.size", "Invalid input: expected string, received number"],
    [{ quantity: 1, amount: 1, custom_questions: {} }, "order_details.custom_questions", "must be an array"],
  ])("validates order_details %j", (details, path, message) => {
    expect(classify({ ...orderCreated(), order_details: details })).toMatchObject({
      kind: "rejected",
      reason: "invalid_payload",
      errors: [{ path, message }],
    });
  });

  it.each([
    ["store_id", "not-a-uuid", "must be a UUID"],
    ["created_at", "16/11/2024", "must be an ISO 8601 timestamp"],
    ["created_at", "2024-02-30T10:00:00", "must be an ISO 8601 timestamp"],
    ["product_id", 5, "Invalid input: expected string, received number"],
    ["status", "x".repeat(51), "must be at most 50 characters"],
  ])("validates %s when present", (field, value, message) => {
    expect(classify({ ...orderCreated(), [field]: value })).toMatchObject({
      kind: "rejected",
      reason: "invalid_payload",
      errors: [{ path: field, message }],
    });
  });

  it("caps indexed text so a huge customer name cannot break an index insert", () => {
    const payload = orderCreated();
    const verdict = classify({ ...payload, customer: { ...payload.customer, name: "x".repeat(501) } });
    expect(verdict).toMatchObject({ reason: "invalid_payload", errors: [{ path: "customer.name" }] });
  });

  it("repairs NUL and unpaired surrogates with a warning, keeping the order", () => {
    const payload = orderCreated();
    const verdict = classify({ ...payload, customer: { ...payload.customer, name: "Ra\u0000hul\ud800" } });
    expect(verdict.kind).toBe("valid");
    if (verdict.kind !== "valid") return;
    expect(verdict.order.customerName).toBe("Ra\uFFFDhul\uFFFD");
    expect(verdict.warnings).toContain("replaced a NUL or unpaired surrogate in customer.name");
    expect(verdict.payloadJson).not.toContain("\\u0000");
  });

  it("rejects what jsonb cannot hold: deep nesting, overflowing numbers, bad keys", () => {
    const deep = JSON.stringify(orderCreated()).replace(
      '"custom_questions":[]',
      `"custom_questions":${"[".repeat(40)}${"]".repeat(40)}`,
    );
    expect(classify(deep)).toMatchObject({ reason: "invalid_payload", message: "The payload cannot be stored." });
    const huge = JSON.stringify(orderCreated()).replace('"custom_questions":[]', '"custom_questions":[1e999]');
    expect(classify(huge)).toMatchObject({
      reason: "invalid_payload",
      errors: [{ path: "order_details.custom_questions.0", message: "number is too large to store" }],
    });
    expect(classify({ ...orderCreated(), "a\u0000": 1 })).toMatchObject({ reason: "invalid_payload" });
  });

  it("keeps __proto__ as a plain key and never touches a prototype", () => {
    const body = JSON.stringify(orderCreated()).replace(
      "{",
      '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},',
    );
    const verdict = classify(body);
    expect(verdict.kind).toBe("valid");
    if (verdict.kind === "valid") {
      const stored = JSON.parse(verdict.payloadJson) as object;
      expect(Object.getOwnPropertyDescriptor(stored, "__proto__")?.value).toEqual({ polluted: true });
      expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reads a readable order_id as orderRef even when rejecting", () => {
    const id = "770E8400-E29B-41D4-A716-446655440789";
    expect(classify({ event: "order.updated", order_id: id })).toMatchObject({ orderRef: id.toLowerCase() });
    expect(classify({ order_id: "x".repeat(500) })).toMatchObject({ orderRef: "x".repeat(100) });
  });
});

describe("parseTribemadeTimestamp", () => {
  it.each([
    ["2024-11-16T10:30:45.123456", "2024-11-16T10:30:45.123Z"],
    ["2024-11-16T10:30:45", "2024-11-16T10:30:45.000Z"],
    ["2024-11-16T10:30", "2024-11-16T10:30:00.000Z"],
    ["2024-11-16T10:30:45Z", "2024-11-16T10:30:45.000Z"],
    ["2024-11-16T16:00:45.5+05:30", "2024-11-16T10:30:45.500Z"],
    ["2024-11-16T05:30:45-0500", "2024-11-16T10:30:45.000Z"],
    ["2024-11-16 10:30:45+00:00", "2024-11-16T10:30:45.000Z"],
  ])("reads %s as %s (no offset means UTC)", (input, expected) => {
    expect(parseTribemadeTimestamp(input)?.toISOString()).toBe(expected);
  });

  it.each(["2024-13-01T00:00:00", "2024-02-30T00:00:00", "2024-11-16", "yesterday", "2024-11-16T24:00:00", ""])(
    "refuses %j",
    (input) => {
      expect(parseTribemadeTimestamp(input)).toBeNull();
    },
  );
});
