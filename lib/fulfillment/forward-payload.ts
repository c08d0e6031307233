import type { TribemadeOrder } from "@/lib/tribemade/client/order-schema";

// The body a forward sends: an `order.created` webhook built from TribeMade's GET answer, never
// from the delivery we received. Verification compares only some fields (name, email, phone,
// pincode, amount, quantity, product); whoever holds a webhook URL could post a real order id with
// their own address, variation or instructions first, and a forward of those bytes would ship the
// order there. TribeMade's copy is the one nobody but TribeMade wrote. The shape is the webhook's
// (docs/fulfillment.md), so a receiver written for TribeMade's webhook works unchanged.

const text = (value: unknown): string | null => (value === null || value === undefined || value === "" ? null : String(value));

/** GET's address object flattened to the webhook's one string ("line1, line2, city, state, country"). */
export function addressLine(address: TribemadeOrder["customer"]["full_address"]): string | null {
  if (address === null || address === undefined) return null;
  if (typeof address === "string") return address;
  const parts = [address.line1, address.line2, address.city, address.state, address.country]
    .map((part) => part?.trim())
    .filter((part): part is string => Boolean(part));
  return parts.length > 0 ? parts.join(", ") : null;
}

export function forwardPayloadFrom(tm: TribemadeOrder, tribemadeStoreId: string | null) {
  const details = tm.order_details;
  return {
    event: "order.created",
    order_id: tm.id,
    store_id: tribemadeStoreId,
    product_id: tm.product_id ?? null,
    status: tm.status,
    created_at: tm.created_at ?? null,
    customer: {
      name: tm.customer.name ?? null,
      email: tm.customer.email ?? null,
      number: text(tm.customer.number),
      full_address: addressLine(tm.customer.full_address),
      pincode: text(tm.customer.pincode),
    },
    order_details: {
      quantity: details.quantity ?? null,
      amount: details.amount ?? null,
      variation: details.variation ?? null,
      size: details.size ?? null,
      color: details.color ?? null,
      special_instructions: details.special_instructions ?? null,
      custom_questions: details.custom_questions ?? [],
    },
  };
}
