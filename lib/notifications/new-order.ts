import { formatMoney } from "@/lib/format/numbers";
import type { NotificationPayload } from "@/lib/notifications/outbox/messages";

// What a new order's push says: "₹1,299 · Handloom Cotton Kurta ×1 · Farhan M.", tapping opens the
// order. A lock screen is public, so the customer is a first name and an initial. Client-safe.

export type NewOrderFacts = {
  orderId: string;
  /** numeric as text, exact. */
  amount: string;
  productName: string | null;
  quantity: number;
  customerName: string;
};

export function newOrderNotification(order: NewOrderFacts, storeName?: string): NotificationPayload {
  const product = order.productName?.trim() || "Order";
  return {
    key: `order:${order.orderId}`,
    topic: "new_order",
    title: storeName ? `New order · ${storeName}` : "New order",
    body: [shortMoney(order.amount), `${product} ×${order.quantity}`, shortName(order.customerName)].filter(Boolean).join(" · "),
    url: `/orders/${order.orderId}`,
  };
}

/** "₹1,299" for whole rupees, "₹1,299.50" otherwise. */
export function shortMoney(amount: string): string {
  const text = formatMoney(amount);
  return text.endsWith(".00") ? text.slice(0, -3) : text;
}

/** "Farhan Mansoor" → "Farhan M.", "Farhan Ali Khan" → "Farhan K."; one word stays as it is. */
export function shortName(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "";
  const first = words[0]!;
  const last = words.length > 1 ? words[words.length - 1]! : "";
  return last ? `${first} ${last.slice(0, 1).toUpperCase()}.` : first;
}
