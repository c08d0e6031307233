// The order.created body exactly as TribeMade's Webhooks page shows it (docs/tribemade-api.md §6):
// `order_id` (not `id`), a one-string full_address, created_at with microseconds and no offset,
// status always "started", amount printed with two decimals like the page's `2048.00`.

import { formatFullAddress } from "./fake-data";
import { webhookTimestamp } from "./timestamps";
import type { CustomAnswer, Order } from "./types";

/** How optional order_details fields with no value are sent. The docs' example shows them set and
 *  its curl example leaves them out; TribeMade's null handling is unknown, so both can be produced. */
export type AbsentFields = "omit" | "null";

export type OrderCreatedPayload = {
  event: "order.created";
  order_id: string;
  store_id: string;
  product_id: string;
  customer: { name: string; email: string; number: string; full_address: string; pincode: string };
  order_details: {
    quantity: number;
    amount: number;
    variation?: string | null;
    size?: string | null;
    color?: string | null;
    special_instructions?: string | null;
    custom_questions: CustomAnswer[];
  };
  status: "started";
  created_at: string;
};

export function buildOrderCreatedPayload(order: Order, absent: AbsentFields = "omit"): OrderCreatedPayload {
  const { customer, details } = order;
  const optional = {
    variation: details.variation,
    size: details.size,
    color: details.color,
    special_instructions: details.specialInstructions,
  };
  const present = Object.fromEntries(Object.entries(optional).filter(([, value]) => absent === "null" || value !== null));
  return {
    event: "order.created",
    order_id: order.id,
    store_id: order.storeId,
    product_id: order.productId,
    customer: {
      name: customer.name,
      email: customer.email,
      number: customer.number,
      full_address: formatFullAddress(customer.address),
      pincode: customer.pincode,
    },
    order_details: { quantity: details.quantity, amount: details.amount, ...present, custom_questions: details.customQuestions },
    // Always "started": it announces a new order, whatever has happened to it since (§6).
    status: "started",
    created_at: webhookTimestamp(order.createdAtMs, order.createdAtMicros),
  };
}

const AMOUNT_SENTINEL = "__tribemade_simulator_amount__";

/** JSON.stringify, except amount keeps two decimals (2048 → 2048.00), still a JSON number. */
export function serializeWebhookPayload(payload: OrderCreatedPayload): string {
  const { amount } = payload.order_details;
  const json = JSON.stringify({ ...payload, order_details: { ...payload.order_details, amount: AMOUNT_SENTINEL } });
  return Number.isFinite(amount) ? json.replace(JSON.stringify(AMOUNT_SENTINEL), amount.toFixed(2)) : JSON.stringify(payload);
}
