import "server-only";
import type { HandlerContext, HandlerResult } from "@/lib/outbox/drain-types";
import { emptyResult } from "@/lib/outbox/handler-calls";
import { claimTargets, emailTargets, finishTargets, type TargetOutcome } from "@/lib/notifications/outbox/deliveries";
import { notificationPayload } from "@/lib/notifications/outbox/messages";
import { emailEnabled, sendMail } from "@/lib/notifications/mailer";
import { emailFooter, unsubscribeHeaders } from "@/lib/notifications/unsubscribe";

// notify_email: one notification to the address of every member who asked for its topic by email,
// each address once per key (lib/notifications/outbox/deliveries.ts). SMTP trouble that may pass
// retries with the outbox's backoff; a 5xx reply is final for that address. Without SMTP: done.

export async function notifyEmail(ctx: HandlerContext): Promise<HandlerResult> {
  const payload = notificationPayload.parse(ctx.message.payload);
  if (!emailEnabled()) return emptyResult({ type: "done" });
  const storeId = ctx.message.storeId;
  const all = await emailTargets(storeId, payload);
  const claimed = await claimTargets(
    storeId,
    payload.key,
    "email",
    all.map((target) => target.id),
  );
  const out = emptyResult({ type: "done" });
  const outcomes: TargetOutcome[] = [];
  // One at a time: a store has a few members, and SMTP servers dislike bursts.
  for (const target of all.filter((candidate) => claimed.has(candidate.id))) {
    const text = `${payload.emailText ?? payload.body}\n\n${emailFooter(storeId, target.id, payload.topic, payload.url)}`;
    const answer = await sendMail(
      { to: target.email, subject: payload.title, text, headers: unsubscribeHeaders(storeId, target.id, payload.topic) },
      ctx.config.timeoutMs,
    );
    out.attempts.push({
      messageId: ctx.message.id,
      storeId,
      orderId: null,
      kind: "notify_email",
      startedAt: answer.startedAt,
      method: "SMTP",
      path: "MAIL",
      httpStatus: null,
      latencyMs: answer.latencyMs,
      rateLimit: null,
      outcome: answer.error === null ? "success" : answer.permanent ? "permanent" : "retryable",
      error: answer.error,
    });
    outcomes.push({
      target: target.id,
      status: answer.error === null ? "sent" : answer.permanent ? "failed" : "retry",
      error: answer.error,
    });
  }
  await ctx.afterCall?.();
  await finishTargets(storeId, payload.key, "email", outcomes);
  const retry = outcomes.find((outcome) => outcome.status === "retry");
  if (retry) out.disposition = { type: "retry", error: retry.error ?? "SMTP failed" };
  return out;
}
