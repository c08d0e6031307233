// GET /api/orders/{id} and PUT /api/orders/{id}/status (docs/tribemade-api.md §3.5, §3.6, §5).
// A9: the docs list both 403 and 404 for GET order. We answer 404 "Order not found" for an id that
// exists nowhere (or is not a UUID) and 403 "Forbidden" for another store's order: that is what
// the quick reference's "wrong store" means, and it lets the app tell a wrong key from a forged id.

import type { SimulatorContext } from "./context";
import { errorResponse, isRecord, jsonResponse, UUID_PATTERN, type ApiResponse } from "./http-io";
import { changeStatus } from "./order-lifecycle";
import { orderView } from "./order-view";
import { checkTransition } from "./status-machine";
import { isHttpUrl } from "./stores";
import type { Order, OrderStatus, Store } from "./types";

type Lookup = { order: Order; refusal?: never } | { order?: never; refusal: ApiResponse };

function findOrder(ctx: SimulatorContext, store: Store, id: string): Lookup {
  const order = UUID_PATTERN.test(id) ? ctx.state.orders.get(id.toLowerCase()) : undefined;
  if (!order) return { refusal: errorResponse(404, "Order not found") };
  if (order.storeId !== store.id) return { refusal: errorResponse(403, "Forbidden") };
  return { order };
}

export function getOrder(ctx: SimulatorContext, store: Store, id: string): ApiResponse {
  const { order, refusal } = findOrder(ctx, store, id);
  return order ? jsonResponse(200, orderView(order)) : refusal;
}

export function putOrderStatus(ctx: SimulatorContext, store: Store, id: string, body: unknown): ApiResponse {
  const { order, refusal } = findOrder(ctx, store, id);
  if (!order) return refusal;
  if (!isRecord(body) || body.status === undefined || body.status === null) return errorResponse(400, "status is required");
  const trackingUrl = body.tracking_url;
  // null means "not sent"; anything else must be an http(s) URL (the docs' examples are carrier pages).
  if (trackingUrl !== undefined && trackingUrl !== null && (typeof trackingUrl !== "string" || !isHttpUrl(trackingUrl))) {
    return errorResponse(400, "tracking_url must be a valid http or https URL");
  }
  const check = checkTransition(order.status, body.status);
  if (!check.ok) return errorResponse(400, check.error);
  changeStatus(ctx, order, body.status as OrderStatus, trackingUrl ?? undefined, "api");
  return jsonResponse(200, { message: "Order status updated successfully" });
}
