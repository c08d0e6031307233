// Things that happen to an order after it is placed: a merchant's status change through the API,
// the courier marking it delivered, the customer rating it. Only the first goes through the API;
// none of them fires a webhook (TribeMade sends order.created only, A8).

import type { SimulatorContext } from "./context";
import { pushCapped } from "./state";
import { apiTimestamp } from "./timestamps";
import type { Order, OrderStatus } from "./types";

/** Applies a checked change and records the customer email TribeMade would send. */
export function changeStatus(
  ctx: SimulatorContext,
  order: Order,
  to: OrderStatus,
  trackingUrl: string | undefined,
  source: "api" | "courier",
): void {
  const from = order.status;
  order.status = to;
  // A cancellation gives the units back, where this TribeMade keeps stock.
  const store = ctx.state.stores.get(order.storeId);
  const product = ctx.state.products.get(order.productId);
  if (to === "cancelled" && from !== "cancelled" && store?.lowersStock && product) product.stock += order.details.quantity;
  // A12: a tracking URL is stored with any status change; omitted keeps the previous one.
  if (trackingUrl !== undefined) order.trackingUrl = trackingUrl;
  ctx.state.seq.statusChange += 1;
  pushCapped(ctx.state.statusChanges, {
    seq: ctx.state.seq.statusChange,
    at: apiTimestamp(ctx.now()),
    orderId: order.id,
    storeId: order.storeId,
    from,
    to,
    trackingUrl: order.trackingUrl,
    source,
    emailedTo: order.customer.email,
  });
}

export type LifecycleResult = { ok: true } | { ok: false; error: string };

/** "Auto-marked by courier" (§5): from any non-final state, with no API call and no webhook. */
export function courierDeliver(ctx: SimulatorContext, order: Order): LifecycleResult {
  if (order.status === "delivered" || order.status === "cancelled")
    return { ok: false, error: `Order is already ${order.status}` };
  changeStatus(ctx, order, "delivered", undefined, "courier");
  return { ok: true };
}

/** Customers can rate and review only after delivery (§5). Rating again replaces the first one. */
export function rateOrder(order: Order, rating: number, review: string | null): LifecycleResult {
  if (order.status !== "delivered") return { ok: false, error: "Only delivered orders can be rated" };
  order.rating = rating;
  order.review = review;
  return { ok: true };
}
