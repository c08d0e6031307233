import "server-only";
import type { HandlerContext, HandlerResult } from "@/lib/outbox/drain-types";
import { emptyResult, failureDisposition } from "@/lib/outbox/handler-calls";
import { readOrder } from "@/lib/orders/outbox/read-order";
import { forwardRow } from "@/lib/fulfillment/outbox/messages";
import { enabledChannels } from "@/lib/notifications/channels";
import { newOrderNotification } from "@/lib/notifications/new-order";
import { notificationRows } from "@/lib/notifications/outbox/messages";
import { verifyOrderPayload } from "@/lib/orders/outbox/messages";
import { compareWithWebhook, patchFromTribemade } from "@/lib/orders/outbox/order-compare";
import { saleRow } from "@/lib/products/outbox/messages";

// verify_order: read the order from TribeMade with the store's key. TribeMade's copy confirms the
// webhook (verified), disagrees with it (mismatch, with the diff), or does not exist for this key
// (not_found: 404, or 403 for another store's order). The answer also fills what only GET knows:
// product name and image, current status, tracking URL, rating and review.
// A verified order of a store with a fulfillment URL is then forwarded there (docs/decisions.md);
// one of a store where Tribedesk keeps stock lowers its product's stock: the sale's ledger entry is
// written with the verification, in the same statement (docs/products.md).
// A verified order also tells the team (docs/notifications.md): only once TribeMade confirms it, so a
// forged webhook never buzzes a phone.

export async function verifyOrder(ctx: HandlerContext): Promise<HandlerResult> {
  const payload = verifyOrderPayload.parse(ctx.message.payload);
  const order = ctx.order;
  if (!order) return emptyResult({ type: "done" });
  const out = emptyResult({ type: "done" });
  const result = await readOrder(ctx, out, payload.tribemadeOrderId);
  const now = new Date();

  if (result.outcome === "success" && result.data) {
    const diff = compareWithWebhook(order, result.data);
    const { set, changes } = patchFromTribemade(order, result.data, now);
    const verified = diff.length === 0;
    out.patch = {
      orderId: order.id,
      version: order.version,
      set: {
        ...set,
        verification: verified ? "verified" : "mismatch",
        verificationDiff: verified ? null : diff,
        verifiedAt: now.toISOString(),
      },
    };
    out.events.push({
      orderId: order.id,
      type: verified ? "verified" : "verification_mismatch",
      actor: "TribeMade",
      data: verified ? { changes } : { diff, changes },
    });
    if (verified && ctx.store.fulfillmentUrl) {
      out.enqueue.push(forwardRow(ctx.message.storeId, { orderId: order.id, tribemadeOrderId: order.tribemadeOrderId }));
    }
    const productId = order.productId ?? result.data.product_id ?? null;
    if (verified && ctx.store.stockKeeper === "tribedesk" && productId && result.data.status !== "cancelled") {
      out.enqueue.push(saleRow(ctx.message.storeId, { id: order.id, productId, quantity: order.quantity }));
    }
    const channels = enabledChannels();
    if (verified && channels.length > 0) {
      const facts = { ...order, productName: set.productName ?? order.productName, orderId: order.id };
      out.enqueue.push(...notificationRows(ctx.message.storeId, newOrderNotification(facts), channels));
    }
    return out;
  }
  if (result.status === 404 || result.status === 403) {
    out.patch = {
      orderId: order.id,
      version: order.version,
      set: { verification: "not_found", verificationDiff: null, verifiedAt: now.toISOString() },
    };
    out.events.push({
      orderId: order.id,
      type: "verification_not_found",
      actor: "TribeMade",
      data: { httpStatus: result.status, error: result.error ?? null },
    });
    return out;
  }
  out.disposition = failureDisposition(result);
  return out;
}
