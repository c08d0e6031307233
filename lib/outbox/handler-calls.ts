import "server-only";
import type { AttemptRecord, Disposition, HandlerContext, HandlerResult } from "@/lib/outbox/drain-types";
import type { Bucket } from "@/lib/outbox/messages";
import type { CallResult } from "@/lib/tribemade/client/call";

// What every domain's outbox handler uses around its calls (lib/outbox/registry.ts): an empty
// result, recording a call with what it tells the rate budget, and what a TribeMade answer that is
// not the one it hoped for means for the message.

export function emptyResult(disposition: Disposition): HandlerResult {
  return { disposition, attempts: [], events: [], enqueue: [], feedback: [] };
}

export function attemptOf(ctx: HandlerContext, result: CallResult<unknown>): AttemptRecord {
  return {
    messageId: ctx.message.id,
    storeId: ctx.message.storeId,
    orderId: ctx.order?.id ?? null,
    kind: ctx.message.kind,
    startedAt: result.startedAt,
    method: result.method,
    path: result.path,
    httpStatus: result.status,
    latencyMs: result.latencyMs,
    rateLimit: result.rateLimit,
    outcome: result.outcome,
    error: result.error ?? null,
  };
}

/** Records the call and what it tells the rate budget; returns the result for the handler. */
export function recordCall(ctx: HandlerContext, out: HandlerResult, bucket: Bucket, result: CallResult<unknown>) {
  out.attempts.push(attemptOf(ctx, result));
  const blockUntil = result.status === 429 ? new Date(Date.now() + (result.retryAfterMs ?? 60_000)) : null;
  out.feedback.push({ bucket, rateLimit: result.rateLimit, blockUntil });
}

/** The disposition of a call that did not succeed (success is each handler's own business). */
export function failureDisposition(result: CallResult<unknown>): Disposition {
  const error = result.error ?? `HTTP ${result.status ?? "?"}`;
  switch (result.outcome) {
    case "key_rejected":
      return {
        type: "paused",
        reason: `TribeMade rejected the store's API key (${error}). Replace the key in Settings → API key.`,
      };
    case "permanent":
      return { type: "dead", error: result.status ? `TribeMade answered ${result.status}: ${error}` : error };
    case "retryable":
      if (result.status === 429) {
        return {
          type: "defer",
          until: new Date(Date.now() + (result.retryAfterMs ?? 60_000)),
          error: "Rate limited by TribeMade",
        };
      }
      return { type: "retry", error: result.status ? `TribeMade answered ${result.status}: ${error}` : error };
    case "success":
      return { type: "done" };
  }
}

export function callOptions(ctx: HandlerContext) {
  return { baseUrl: ctx.config.baseUrl, timeoutMs: ctx.config.timeoutMs };
}

export function keyOf(ctx: HandlerContext) {
  return ctx.apiKey();
}
