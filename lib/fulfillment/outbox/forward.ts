import "server-only";
import { legacyFormatAccepted } from "@/lib/crypto/legacy-format";
import { openFulfillmentSecret } from "@/lib/fulfillment/secret";
import type { HandlerContext, HandlerResult } from "@/lib/outbox/drain-types";
import { emptyResult } from "@/lib/outbox/handler-calls";
import type { ClaimedMessage } from "@/lib/outbox/claim";
import { loadForwardBody } from "@/lib/fulfillment/outbox/forward-body";
import { forwardPayload, type ForwardPayload } from "@/lib/fulfillment/outbox/messages";
import { postJson } from "@/lib/fulfillment/post";
import { signatureHeaders } from "@/lib/fulfillment/signature";
import { urlWithoutSecrets } from "@/lib/http/url-without-secrets";

// forward: POST a verified order, as TribeMade's GET answered it, to the store's fulfillment URL,
// signed the Standard Webhooks way
// (docs/fulfillment.md). webhook-id is the message's own id, the same on every retry, so the
// receiver can drop repeats. 2xx is done; 408, 429, 5xx and no answer retry; any other answer, a
// private target or a missing secret is permanent.

export async function forward(ctx: HandlerContext): Promise<HandlerResult> {
  forwardPayload.parse(ctx.message.payload);
  const { order, store } = ctx;
  // Unset since it was queued: nothing to send anywhere.
  if (!order || !store.fulfillmentUrl) return emptyResult({ type: "done" });
  if (!store.fulfillmentSecretCiphertext) {
    return failedFor(ctx, emptyResult({ type: "done" }), "No signing secret: generate one in Settings → Fulfillment.");
  }
  const body = await loadForwardBody(order.id);
  // verify_order stores TribeMade's answer before it queues a forward; without one there is
  // nothing confirmed to send.
  if (!body) return failedFor(ctx, emptyResult({ type: "done" }), "No copy of the order from TribeMade to forward.");

  const id = `msg_${ctx.message.id}`;
  const headers = signatureHeaders({
    id,
    timestamp: Math.floor(Date.now() / 1000),
    body,
    secret: openFulfillmentSecret(store.id, store.fulfillmentSecretCiphertext, await legacyFormatAccepted()),
  });
  const result = await postJson(store.fulfillmentUrl, body, headers, {
    timeoutMs: ctx.config.timeoutMs,
    allowPrivate: ctx.config.allowPrivateTargets,
  });
  await ctx.afterCall?.();
  const out = emptyResult({ type: "done" });
  out.attempts.push({
    messageId: ctx.message.id,
    storeId: ctx.message.storeId,
    orderId: order.id,
    kind: "forward",
    startedAt: result.startedAt,
    method: "POST",
    path: urlWithoutSecrets(store.fulfillmentUrl),
    httpStatus: result.status,
    latencyMs: result.latencyMs,
    rateLimit: null,
    outcome: result.error === null ? "success" : retryable(result) ? "retryable" : "permanent",
    error: result.error,
  });
  if (result.error === null) {
    out.events.push({
      orderId: order.id,
      type: "forwarded",
      actor: "system",
      data: { httpStatus: result.status, webhookId: id },
    });
    return out;
  }
  if (retryable(result)) {
    out.disposition = { type: "retry", error: result.error };
    return out;
  }
  return failedFor(ctx, out, result.error);
}

function retryable(result: { status: number | null; refused: boolean }): boolean {
  if (result.refused) return false;
  return result.status === null || result.status === 408 || result.status === 429 || result.status >= 500;
}

function failedFor(ctx: HandlerContext, out: HandlerResult, error: string): HandlerResult {
  out.disposition = { type: "dead", error };
  if (ctx.order) out.events.push({ orderId: ctx.order.id, type: "forward_failed", actor: "system", data: { error } });
  return out;
}

/** After its last attempt: the order's timeline says the forward failed. */
export function forwardGaveUp(message: ClaimedMessage, result: HandlerResult, error: string): void {
  const payload = message.payload as Partial<ForwardPayload> | null;
  if (payload?.orderId)
    result.events.push({ orderId: payload.orderId, type: "forward_failed", actor: "system", data: { error } });
}
