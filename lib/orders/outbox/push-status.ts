import "server-only";
import type { HandlerContext, HandlerResult } from "@/lib/outbox/drain-types";
import { callOptions, emptyResult, failureDisposition, keyOf, recordCall } from "@/lib/outbox/handler-calls";
import { readOrder } from "@/lib/orders/outbox/read-order";
import { pushStatusPayload, refreshOrderRow, type PushStatusPayload } from "@/lib/orders/outbox/messages";
import type { ClaimedMessage } from "@/lib/outbox/claim";
import { PRIORITY } from "@/lib/outbox/messages";
import { patchFromTribemade, pushAlreadyApplied } from "@/lib/orders/outbox/order-compare";
import { putOrderStatus } from "@/lib/tribemade/client/orders-api";

// push_status: PUT the status a person chose. TribeMade emails the customer on every change, so a
// push is never sent twice: OutboxMessage.sendUnconfirmed is set before the PUT leaves (lib/outbox/
// process-batch.ts) and cleared only by an answer that proves TribeMade did not apply it. When it is
// still set on a later attempt (timeout, 5xx, a drainer that died mid-call), the order is read
// first, and "already in that status" counts as done. A permanent refusal (400 with TribeMade's
// message, 403, 404) marks the order's sync failed with TribeMade's words and refreshes the order.

export async function pushStatus(ctx: HandlerContext): Promise<HandlerResult> {
  const push = pushStatusPayload.parse(ctx.message.payload);
  if (!ctx.order) return emptyResult({ type: "done" });
  const out = emptyResult({ type: "done" });

  if (ctx.message.sendUnconfirmed) {
    const read = await readOrder(ctx, out, push.tribemadeOrderId);
    if (read.outcome !== "success" || !read.data) return failed(ctx, out, push, read);
    if (pushAlreadyApplied(push.status, read.data.status)) {
      const { set } = patchFromTribemade(ctx.order, read.data, new Date());
      return pushed(ctx, { ...out, sendUnconfirmed: false }, push, set, true);
    }
    // TribeMade does not have it: the earlier attempt never took effect, so sending now is the first send.
    const slot = await ctx.takeSlot("order_status");
    if (slot.granted === 0) {
      out.disposition = { type: "defer", until: slot.opensAt ?? new Date(Date.now() + 1_000) };
      out.sendUnconfirmed = false;
      return out;
    }
  }

  const result = await putOrderStatus(keyOf(ctx), push.tribemadeOrderId, push, callOptions(ctx));
  await ctx.afterCall?.();
  recordCall(ctx, out, "order_status", result);
  if (result.outcome === "success") return pushed(ctx, { ...out, sendUnconfirmed: false }, push, {}, false);
  // Only an answer that may hide a success keeps the flag: the next attempt reads the order first.
  out.sendUnconfirmed = result.ambiguous;
  return failed(ctx, out, push, result);
}

function pushed(
  ctx: HandlerContext,
  out: HandlerResult,
  push: PushStatusPayload,
  set: NonNullable<HandlerResult["patch"]>["set"],
  alreadyApplied: boolean,
): HandlerResult {
  const order = ctx.order!;
  out.disposition = { type: "done" };
  out.patch = {
    orderId: order.id,
    version: order.version,
    set: { ...set, sync: "synced", syncVersion: push.version, syncError: null },
  };
  out.events.push({
    orderId: order.id,
    type: "status_pushed",
    actor: "system",
    data: {
      status: push.status,
      trackingUrl: push.trackingUrl,
      version: push.version,
      requestEventId: push.requestEventId,
      ...(alreadyApplied ? { alreadyApplied: true } : {}),
    },
  });
  return out;
}

function failed(
  ctx: HandlerContext,
  out: HandlerResult,
  push: PushStatusPayload,
  result: Parameters<typeof failureDisposition>[0],
): HandlerResult {
  out.disposition = failureDisposition(result);
  if (out.disposition.type !== "dead") return out;
  const order = ctx.order!;
  const error = result.error ?? out.disposition.error;
  out.patch = { orderId: order.id, version: order.version, set: { sync: "failed", syncError: error } };
  out.events.push({
    orderId: order.id,
    type: "status_push_failed",
    actor: "TribeMade",
    data: { status: push.status, version: push.version, requestEventId: push.requestEventId, httpStatus: result.status, error },
  });
  // TribeMade refused: show what TribeMade has now, soon (ahead of background refreshes).
  const refresh = refreshOrderRow(
    ctx.message.storeId,
    { orderId: order.id, tribemadeOrderId: push.tribemadeOrderId },
    `push-${push.version}`,
  );
  out.enqueue.push({ ...refresh, priority: PRIORITY.verify_order });
  return out;
}

/**
 * After its last attempt a push that never got through leaves the order "failed" (with a retry
 * button). Read leniently: the payload may be what made it fail.
 */
export function pushStatusGaveUp(message: ClaimedMessage, result: HandlerResult, error: string): void {
  const payload = message.payload as Partial<PushStatusPayload> | null;
  if (!payload?.orderId) return;
  result.patch = { orderId: payload.orderId, version: payload.version ?? 0, set: { sync: "failed", syncError: error } };
  result.events.push({
    orderId: payload.orderId,
    type: "status_push_failed",
    actor: "system",
    data: { status: payload.status, version: payload.version, requestEventId: payload.requestEventId, httpStatus: null, error },
  });
}
