import "server-only";
import type { HandlerContext, HandlerResult } from "@/lib/outbox/drain-types";
import { emptyResult, failureDisposition } from "@/lib/outbox/handler-calls";
import { readOrder } from "@/lib/orders/outbox/read-order";
import { refreshOrderPayload } from "@/lib/orders/outbox/messages";
import { patchFromTribemade } from "@/lib/orders/outbox/order-compare";
import { restockRow } from "@/lib/products/outbox/messages";

// refresh_order: couriers mark orders delivered and customers rate them without any webhook
// (docs/tribemade-api.md A8), so open orders are re-read now and then (lib/orders/outbox/refresh-scheduler.ts).
// Every change found becomes a `refreshed` event naming what changed.

export async function refreshOrder(ctx: HandlerContext): Promise<HandlerResult> {
  const payload = refreshOrderPayload.parse(ctx.message.payload);
  const order = ctx.order;
  if (!order) return emptyResult({ type: "done" });
  const out = emptyResult({ type: "done" });
  const result = await readOrder(ctx, out, payload.tribemadeOrderId);

  if (result.outcome === "success" && result.data) {
    const { set, changes } = patchFromTribemade(order, result.data, new Date());
    out.patch = { orderId: order.id, version: order.version, set };
    if (changes.length > 0) out.events.push({ orderId: order.id, type: "refreshed", actor: "TribeMade", data: { changes } });
    // Cancelled at TribeMade: its stock comes back (the ledger restocks only what a sale took).
    if (set.status === "cancelled" && ctx.store.stockKeeper === "tribedesk" && order.productId && !order.hasPendingPush) {
      out.enqueue.push(restockRow(ctx.message.storeId, { ...order, productId: order.productId }));
    }
    return out;
  }
  // An order TribeMade no longer shows: nothing to refresh (verification already said what it knew).
  if (result.status === 404 || result.status === 403) {
    out.patch = { orderId: order.id, version: order.version, set: { lastRefreshedAt: new Date().toISOString() } };
    return out;
  }
  out.disposition = failureDisposition(result);
  return out;
}
