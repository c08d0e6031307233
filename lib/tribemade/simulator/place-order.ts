// A customer pays: the order is created and order.created goes to every webhook URL of the store
// (docs/tribemade-api.md §6). Shared by the control API and the demo loop.

import type { SimulatorContext } from "./context";
import { createOrder, type OrderOverrides } from "./order-factory";
import { orderView, type OrderView } from "./order-view";
import type { DeliveryAttempt, Order, Store } from "./types";
import {
  buildOrderCreatedPayload,
  serializeWebhookPayload,
  type AbsentFields,
  type OrderCreatedPayload,
} from "./webhook-payload";
import { sendWebhook } from "./webhook-sender";

export type PlaceOrderOptions = { overrides?: OrderOverrides; sendWebhook?: boolean; absentFields?: AbsentFields };

export type PlacedOrder = { order: OrderView; payload: OrderCreatedPayload; deliveries: DeliveryAttempt[] };

export async function placeOrder(
  ctx: SimulatorContext,
  store: Store,
  options: PlaceOrderOptions = {},
): Promise<{ ok: true; placed: PlacedOrder } | { ok: false; status: number; error: string }> {
  const result = createOrder(ctx, store, options.overrides);
  if (!result.ok) return result;
  const payload = buildOrderCreatedPayload(result.order, options.absentFields);
  const deliveries =
    options.sendWebhook === false
      ? []
      : await sendWebhook(ctx, {
          urls: store.webhookUrls,
          body: serializeWebhookPayload(payload),
          kind: "order.created",
          orderId: result.order.id,
          storeId: store.id,
        });
  return { ok: true, placed: { order: orderView(result.order), payload, deliveries } };
}

/** Sends an existing order's order.created again: the duplicate TribeMade warns about. */
export function resendOrderWebhook(
  ctx: SimulatorContext,
  order: Order,
  options: { times?: number; urls?: string[]; absentFields?: AbsentFields } = {},
): Promise<DeliveryAttempt[]> {
  const store = ctx.state.stores.get(order.storeId);
  const payload = buildOrderCreatedPayload(order, options.absentFields);
  return sendWebhook(ctx, {
    urls: options.urls ?? store?.webhookUrls ?? [],
    body: serializeWebhookPayload(payload),
    kind: "resend",
    orderId: order.id,
    storeId: order.storeId,
    times: options.times,
  });
}
