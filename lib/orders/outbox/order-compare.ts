import type { OrderRow, OrderSet } from "@/lib/outbox/drain-types";
import type { TribemadeOrder } from "@/lib/tribemade/client/order-schema";
import { httpUrlOrNull } from "@/lib/format/http-url";

// Pure comparisons between our copy of an order (from the webhook) and TribeMade's GET answer.
// verify_order: does TribeMade confirm what the webhook said? refresh_order: what changed at
// TribeMade since (courier deliveries, ratings, tracking)? The addresses are not compared: the
// webhook sends one string and GET an object (docs/decisions.md), so neither can be derived.

export type DiffEntry = { field: string; webhook: string | number | null; tribemade: string | number | null };

const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
const words = (value: unknown) => text(value)?.trim().replace(/\s+/g, " ").toLowerCase() ?? null;
const digits = (value: unknown) => text(value)?.replace(/\D/g, "") ?? null;
/** Indian numbers arrive with and without +91 / a leading 0; the last ten digits are the number. */
const phone = (value: unknown) => digits(value)?.slice(-10) ?? null;

/** Field-by-field differences between the webhook's order and TribeMade's; empty when they agree. */
export function compareWithWebhook(order: OrderRow, tm: TribemadeOrder): DiffEntry[] {
  const diff: DiffEntry[] = [];
  const check = (field: string, ours: unknown, theirs: unknown, same: (a: unknown, b: unknown) => boolean) => {
    if (!same(ours, theirs)) diff.push({ field, webhook: printable(ours), tribemade: printable(theirs) });
  };
  const eq = (normalise: (v: unknown) => string | null) => (a: unknown, b: unknown) => normalise(a) === normalise(b);
  check("customer.name", order.customerName, tm.customer.name, eq(words));
  check("customer.email", order.customerEmail, tm.customer.email, eq(words));
  check("customer.number", order.customerPhone, tm.customer.number, eq(phone));
  check("customer.pincode", order.customerPincode, tm.customer.pincode, eq(digits));
  check("order_details.amount", order.amount, tm.order_details.amount, sameAmount);
  check("order_details.quantity", order.quantity, tm.order_details.quantity, (a, b) => Number(a) === Number(b));
  // The docs' own curl example omits product_id; only a product id the webhook did send is checked.
  if (order.productId) check("product_id", order.productId, tm.product_id, eq(words));
  return diff;
}

function sameAmount(a: unknown, b: unknown): boolean {
  if (b === null || b === undefined) return false;
  return Math.round(Number(a) * 100) === Math.round(Number(b) * 100);
}

function printable(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  return typeof value === "number" ? value : String(value);
}

export type Change = { field: "status" | "trackingUrl" | "rating" | "review"; from: unknown; to: unknown };

/**
 * The Order columns to set from TribeMade's answer, and the changes a person would care about.
 * Status and tracking URL follow TribeMade only when no push for the order is pending (then the
 * local value is a person's newer request, not stale data).
 */
export function patchFromTribemade(order: OrderRow, tm: TribemadeOrder, now: Date): { set: OrderSet; changes: Change[] } {
  // Our column is whole stars; TribeMade documents 1–5.
  const rating = tm.rating === null || tm.rating === undefined ? null : Math.round(tm.rating);
  const set: OrderSet = {
    tribemade: tm,
    productName: tm.product_name ?? order.productName,
    productImage: tm.product_image ?? order.productImage,
    rating,
    review: tm.review ?? null,
    lastRefreshedAt: now.toISOString(),
  };
  const changes: Change[] = [];
  if (!order.hasPendingPush) {
    if (tm.status !== order.status) {
      set.status = tm.status;
      changes.push({ field: "status", from: order.status, to: tm.status });
    }
    // TribeMade's text becomes a link on the order page: an http(s) URL or nothing.
    const tracking = httpUrlOrNull(tm.tracking_url);
    if (tracking !== order.trackingUrl) {
      set.trackingUrl = tracking;
      changes.push({ field: "trackingUrl", from: order.trackingUrl, to: tracking });
    }
  }
  if (rating !== order.rating) changes.push({ field: "rating", from: order.rating, to: rating });
  if ((tm.review ?? null) !== order.review) changes.push({ field: "review", from: order.review, to: tm.review ?? null });
  return { set, changes };
}

const FLOW = ["started", "processing", "dispatched", "delivered"];

/**
 * Does TribeMade's current status show that a push to `target` already took effect? Equal, or
 * further along the flow (dispatched cannot become delivered without having been dispatched).
 */
export function pushAlreadyApplied(target: string, current: string): boolean {
  if (current === target) return true;
  if (target === "cancelled" || current === "cancelled") return false;
  return FLOW.indexOf(current) > FLOW.indexOf(target);
}
