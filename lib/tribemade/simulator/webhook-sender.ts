// POSTs webhook bodies the way TribeMade does (docs/tribemade-api.md §6): JSON, no signature, a
// 5-second timeout, any 2xx is success. TribeMade's retry schedule is undocumented, so nothing is
// retried automatically; duplicates are sent on purpose through the control API instead.
// Every attempt is recorded (url, status or error, duration).

import type { SimulatorContext } from "./context";
import { pushCapped } from "./state";
import { apiTimestamp } from "./timestamps";
import type { DeliveryAttempt, DeliveryKind } from "./types";

const RESPONSE_BODY_CAP = 2_000;

export type WebhookSend = {
  urls: string[];
  /** Serialized once so every copy is byte-identical. */
  body: string;
  kind: DeliveryKind;
  orderId: string | null;
  storeId: string | null;
  /** Copies per URL, all sent at once (the "same webhook more than once" case). */
  times?: number;
};

function describeError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError"))
    return `timeout after ${timeoutMs} ms`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

async function deliverOnce(ctx: SimulatorContext, send: WebhookSend, url: string): Promise<DeliveryAttempt> {
  ctx.state.seq.delivery += 1;
  const seq = ctx.state.seq.delivery;
  const startedAt = apiTimestamp(ctx.now());
  const started = performance.now();
  const base = { seq, kind: send.kind, orderId: send.orderId, storeId: send.storeId, url, startedAt };
  let attempt: DeliveryAttempt;
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "User-Agent": "TribeMade-Simulator/1.0" },
      body: send.body,
      signal: AbortSignal.timeout(ctx.webhookTimeoutMs),
    });
    const text = await response.text();
    attempt = {
      ...base,
      durationMs: Math.round(performance.now() - started),
      statusCode: response.status,
      ok: response.status >= 200 && response.status < 300,
      error: null,
      responseBody: text.slice(0, RESPONSE_BODY_CAP),
    };
  } catch (error) {
    const durationMs = Math.round(performance.now() - started);
    attempt = {
      ...base,
      durationMs,
      statusCode: null,
      ok: false,
      error: describeError(error, ctx.webhookTimeoutMs),
      responseBody: null,
    };
  }
  pushCapped(ctx.state.deliveries, attempt);
  return attempt;
}

/** Sends to every URL, `times` copies each, concurrently; resolves when all have finished. */
export function sendWebhook(ctx: SimulatorContext, send: WebhookSend): Promise<DeliveryAttempt[]> {
  const times = Math.max(1, send.times ?? 1);
  const jobs = send.urls.flatMap((url) => Array.from({ length: times }, () => deliverOnce(ctx, send, url)));
  return Promise.all(jobs);
}
