import { describe, expect, it } from "vitest";
import { formatFullAddress } from "@/lib/tribemade/simulator/fake-data";
import { orderView } from "@/lib/tribemade/simulator/order-view";
import { apiTimestamp, parseTimestamp, webhookTimestamp } from "@/lib/tribemade/simulator/timestamps";
import type { Order } from "@/lib/tribemade/simulator/types";
import { buildOrderCreatedPayload, serializeWebhookPayload } from "@/lib/tribemade/simulator/webhook-payload";

const order: Order = {
  id: "770e8400-e29b-41d4-a716-446655440789",
  storeId: "550e8400-e29b-41d4-a716-446655440000",
  productId: "660e8400-e29b-41d4-a716-446655440123",
  productName: "Slim Fit Shirt",
  productImage: "https://cdn.example.in/shirt.jpg",
  status: "processing",
  createdAtMs: Date.UTC(2024, 10, 16, 10, 30, 45, 123),
  createdAtMicros: 456,
  customer: {
    name: "Rahul Sharma",
    email: "rahul@example.com",
    number: "9876543210",
    address: { line1: "123, MG Road", line2: "Apartment 4B", city: "Mumbai", state: "Maharashtra", country: "India" },
    pincode: "400001",
  },
  details: {
    quantity: 2,
    amount: 2048,
    variation: "Slim Fit",
    size: "L",
    color: null,
    specialInstructions: null,
    customQuestions: [],
  },
  rating: null,
  review: null,
  trackingUrl: null,
};

describe("simulator order.created payload", () => {
  it("matches the Webhooks page's example field for field", () => {
    expect(buildOrderCreatedPayload(order)).toEqual({
      event: "order.created",
      order_id: order.id,
      store_id: order.storeId,
      product_id: order.productId,
      customer: {
        name: "Rahul Sharma",
        email: "rahul@example.com",
        number: "9876543210",
        full_address: "123, MG Road, Apartment 4B, Mumbai, Maharashtra, India",
        pincode: "400001",
      },
      order_details: { quantity: 2, amount: 2048, variation: "Slim Fit", size: "L", custom_questions: [] },
      status: "started",
      created_at: "2024-11-16T10:30:45.123456",
    });
  });

  it("can send absent optional fields as null instead of leaving them out", () => {
    const { order_details } = buildOrderCreatedPayload(order, "null");
    expect(order_details).toMatchObject({ color: null, special_instructions: null });
  });

  it("prints amount with two decimals, as a JSON number", () => {
    const text = serializeWebhookPayload(buildOrderCreatedPayload(order));
    expect(text).toContain('"amount":2048.00,');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(buildOrderCreatedPayload(order))));
    const half = serializeWebhookPayload(buildOrderCreatedPayload({ ...order, details: { ...order.details, amount: 1999.5 } }));
    expect(half).toContain('"amount":1999.50,');
  });

  it("GET shape has an address object, +00:00 timestamps and explicit nulls", () => {
    const view = orderView(order);
    expect(view.created_at).toBe("2024-11-16T10:30:45.123456+00:00");
    expect(view.customer.full_address).toEqual(order.customer.address);
    expect(view).toMatchObject({ rating: null, review: null, tracking_url: null, status: "processing" });
    expect(view.order_details).toMatchObject({ color: null, special_instructions: null });
  });
});

describe("simulator timestamps and addresses", () => {
  it("formats both TribeMade styles and parses them back", () => {
    const ms = Date.UTC(2024, 10, 18, 10, 46, 12, 123);
    expect(webhookTimestamp(ms, 7)).toBe("2024-11-18T10:46:12.123007");
    expect(apiTimestamp(ms, 456)).toBe("2024-11-18T10:46:12.123456+00:00");
    expect(parseTimestamp("2024-11-18T10:46:12.123456")).toEqual({ ms, micros: 456 });
    expect(parseTimestamp("2024-11-18T10:46:12.123456+00:00")).toEqual({ ms, micros: 456 });
    expect(parseTimestamp("2024-11-18T10:46:12Z")).toEqual({ ms: ms - 123, micros: 0 });
    expect(parseTimestamp("yesterday")).toBeNull();
  });

  it("leaves an empty line2 out of the one-string address", () => {
    const address = { line1: "7, Park Street", line2: "", city: "Kolkata", state: "West Bengal", country: "India" };
    expect(formatFullAddress(address)).toBe("7, Park Street, Kolkata, West Bengal, India");
  });
});
