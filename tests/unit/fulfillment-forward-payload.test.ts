import { describe, expect, it } from "vitest";
import { addressLine, forwardPayloadFrom } from "@/lib/fulfillment/forward-payload";
import { tribemadeOrderSchema } from "@/lib/tribemade/client/order-schema";

// The forwarded body is TribeMade's GET answer in the webhook's shape (docs/fulfillment.md).

const answer = tribemadeOrderSchema.parse({
  id: "3f2a9c1e-77aa-4b2c-9d1e-0123456789ab",
  created_at: "2024-11-16T10:30:45.123456",
  product_id: "b1b2b3b4-0000-4000-8000-000000000001",
  product_name: "Linen shirt",
  status: "started",
  customer: {
    name: "Asha Rao",
    email: "asha@example.in",
    number: 9876543210,
    full_address: { line1: "12, MG Road", line2: "", city: "Bengaluru", state: "Karnataka", country: "India" },
    pincode: 560001,
  },
  order_details: { quantity: 2, amount: 2048, variation: "Slim Fit", size: null, color: "Navy" },
  rating: null,
  review: null,
  tracking_url: null,
});

describe("forwarded order body", () => {
  it("has the webhook's fields with TribeMade's values, and nothing GET alone knows", () => {
    expect(forwardPayloadFrom(answer, "5e5e5e5e-0000-4000-8000-000000000002")).toEqual({
      event: "order.created",
      order_id: answer.id,
      store_id: "5e5e5e5e-0000-4000-8000-000000000002",
      product_id: answer.product_id,
      status: "started",
      created_at: "2024-11-16T10:30:45.123456",
      customer: {
        name: "Asha Rao",
        email: "asha@example.in",
        number: "9876543210",
        full_address: "12, MG Road, Bengaluru, Karnataka, India",
        pincode: "560001",
      },
      order_details: {
        quantity: 2,
        amount: 2048,
        variation: "Slim Fit",
        size: null,
        color: "Navy",
        special_instructions: null,
        custom_questions: [],
      },
    });
  });

  it("keeps a one-string address and reads an empty one as absent", () => {
    expect(addressLine("123, MG Road, Mumbai")).toBe("123, MG Road, Mumbai");
    expect(addressLine({ line1: " ", city: null })).toBeNull();
    expect(addressLine(null)).toBeNull();
  });
});
