import "server-only";
import type { AttemptRecord, HandlerContext, HandlerResult } from "@/lib/outbox/drain-types";
import { emptyResult } from "@/lib/outbox/handler-calls";
import { claimTargets, finishTargets, pushTargets, type TargetOutcome } from "@/lib/notifications/outbox/deliveries";
import { notificationPayload } from "@/lib/notifications/outbox/messages";
import { allowLocalPushServices, vapidConfig } from "@/lib/notifications/push-config";
import { pushEndpointAllowed } from "@/lib/notifications/push-endpoint";
import { pushRetryable, sendPush, subscriptionGone, type PushTarget } from "@/lib/notifications/push-send";

// notify_push: one notification to every device of the members who asked for its topic, each
// device once per key (lib/notifications/outbox/deliveries.ts). A device the push service calls gone
// (404/410) is removed; a push service that is down or busy (5xx, 429, no answer) retries with the
// outbox's backoff, for the devices that did not get it only. Without VAPID keys push is off: done.

/** Requests in flight at once for one notification (a store's devices: a few, or a hundred in the bench). */
const PUSH_CONCURRENCY = 16;

export async function notifyPush(ctx: HandlerContext): Promise<HandlerResult> {
  const payload = notificationPayload.parse(ctx.message.payload);
  const vapid = vapidConfig();
  if (!vapid) return emptyResult({ type: "done" });
  const storeId = ctx.message.storeId;
  const allowLocal = allowLocalPushServices();
  const all = (await pushTargets(storeId, payload)).filter((target) => pushEndpointAllowed(target.endpoint, allowLocal));
  const claimed = await claimTargets(
    storeId,
    payload.key,
    "push",
    all.map((target) => target.id),
  );
  const targets = all.filter((target) => claimed.has(target.id));
  const message = { title: payload.title, body: payload.body, url: payload.url, tag: payload.key };

  const out = emptyResult({ type: "done" });
  const outcomes: TargetOutcome[] = [];
  const gone: string[] = [];
  await eachLimited(targets, PUSH_CONCURRENCY, async (target) => {
    const answer = await sendPush(target, message, { vapid, timeoutMs: ctx.config.timeoutMs });
    out.attempts.push(attempt(ctx, target, answer));
    if (answer.error === null) outcomes.push({ target: target.id, status: "sent", error: null });
    else if (subscriptionGone(answer.status)) gone.push(target.id);
    else outcomes.push({ target: target.id, status: pushRetryable(answer.status) ? "retry" : "failed", error: answer.error });
  });
  await ctx.afterCall?.();
  await finishTargets(storeId, payload.key, "push", outcomes, gone);
  const retry = outcomes.find((outcome) => outcome.status === "retry");
  if (retry) out.disposition = { type: "retry", error: `${retry.error} (${countRetry(outcomes)} device(s) left)` };
  return out;
}

function countRetry(outcomes: TargetOutcome[]): number {
  return outcomes.filter((outcome) => outcome.status === "retry").length;
}

function attempt(ctx: HandlerContext, target: PushTarget, answer: Awaited<ReturnType<typeof sendPush>>): AttemptRecord {
  return {
    messageId: ctx.message.id,
    storeId: ctx.message.storeId,
    orderId: null,
    kind: "notify_push",
    startedAt: answer.startedAt,
    method: "POST",
    // The endpoint's path is the device's capability: only the push service's origin is recorded.
    path: new URL(target.endpoint).origin,
    httpStatus: answer.status,
    latencyMs: answer.latencyMs,
    rateLimit: null,
    outcome: answer.error === null ? "success" : pushRetryable(answer.status) ? "retryable" : "permanent",
    error: answer.error,
  };
}

async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
