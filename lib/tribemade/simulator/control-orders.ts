// Control API: placing orders, duplicate and raw webhooks, courier deliveries and ratings.

import type { SimulatorContext } from "./context";
import { parseControl, placeOrderSchema, rateSchema, rawWebhookSchema, resendSchema } from "./control-schemas";
import { errorResponse, jsonResponse, type ApiResponse } from "./http-io";
import { courierDeliver, rateOrder } from "./order-lifecycle";
import { orderView } from "./order-view";
import { placeOrder, resendOrderWebhook } from "./place-order";
import type { Order } from "./types";
import { sendWebhook } from "./webhook-sender";

function orderOr404(ctx: SimulatorContext, id: string | undefined): Order | null {
  return (id === undefined ? undefined : ctx.state.orders.get(id.toLowerCase())) ?? null;
}

function detailed(ctx: SimulatorContext, order: Order) {
  const statusChanges = ctx.state.statusChanges.filter((change) => change.orderId === order.id);
  return { order: orderView(order), storeId: order.storeId, statusChanges };
}

export async function placeOrderRoute(ctx: SimulatorContext, storeId: string | undefined, body: unknown): Promise<ApiResponse> {
  const store = storeId === undefined ? undefined : ctx.state.stores.get(storeId.toLowerCase());
  if (!store) return errorResponse(404, "Store not found");
  const input = parseControl(placeOrderSchema, body);
  if (!input.ok) return input.response;
  const result = await placeOrder(ctx, store, input.value);
  return result.ok ? jsonResponse(201, result.placed) : errorResponse(result.status, result.error);
}

export function listOrdersRoute(ctx: SimulatorContext, query: URLSearchParams): ApiResponse {
  const storeId = query.get("storeId")?.toLowerCase();
  const orders = [...ctx.state.orders.values()]
    .filter((order) => storeId === undefined || order.storeId === storeId)
    .map((order) => ({ ...orderView(order), storeId: order.storeId }));
  return jsonResponse(200, { orders });
}

export function getOrderRoute(ctx: SimulatorContext, id: string | undefined): ApiResponse {
  const order = orderOr404(ctx, id);
  return order ? jsonResponse(200, detailed(ctx, order)) : errorResponse(404, "Order not found");
}

export async function resendRoute(ctx: SimulatorContext, id: string | undefined, body: unknown): Promise<ApiResponse> {
  const order = orderOr404(ctx, id);
  if (!order) return errorResponse(404, "Order not found");
  const input = parseControl(resendSchema, body);
  if (!input.ok) return input.response;
  return jsonResponse(200, { deliveries: await resendOrderWebhook(ctx, order, input.value) });
}

/** Any body to a store's URLs (or given ones): for receivers' malformed-payload tests. */
export async function rawWebhookRoute(ctx: SimulatorContext, body: unknown): Promise<ApiResponse> {
  const input = parseControl(rawWebhookSchema, body);
  if (!input.ok) return input.response;
  const { storeId, urls, times } = input.value;
  const store = storeId === undefined ? undefined : ctx.state.stores.get(storeId);
  if (storeId !== undefined && !store) return errorResponse(404, "Store not found");
  const targets = urls ?? store?.webhookUrls ?? [];
  if (targets.length === 0) return errorResponse(400, "Give urls or a storeId with webhook URLs");
  const text = typeof input.value.body === "string" ? input.value.body : JSON.stringify(input.value.body ?? null);
  const deliveries = await sendWebhook(ctx, {
    urls: targets,
    body: text,
    kind: "raw",
    orderId: null,
    storeId: storeId ?? null,
    times,
  });
  return jsonResponse(200, { deliveries });
}

export function courierDeliverRoute(ctx: SimulatorContext, id: string | undefined): ApiResponse {
  const order = orderOr404(ctx, id);
  if (!order) return errorResponse(404, "Order not found");
  const result = courierDeliver(ctx, order);
  return result.ok ? jsonResponse(200, detailed(ctx, order)) : errorResponse(409, result.error);
}

export function rateRoute(ctx: SimulatorContext, id: string | undefined, body: unknown): ApiResponse {
  const order = orderOr404(ctx, id);
  if (!order) return errorResponse(404, "Order not found");
  const input = parseControl(rateSchema, body);
  if (!input.ok) return input.response;
  const result = rateOrder(order, input.value.rating, input.value.review ?? null);
  return result.ok ? jsonResponse(200, detailed(ctx, order)) : errorResponse(409, result.error);
}
