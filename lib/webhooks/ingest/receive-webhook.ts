import "server-only";
import { sha256Hex } from "@/lib/crypto/tokens";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { AppError } from "@/lib/http/app-error";
import { errorBody } from "@/lib/http/error-response";
import type { Trace } from "@/lib/perf/request-trace";
import { MAX_BODY_BYTES } from "@/lib/webhooks/ingest/classify";
import { lookupEndpoint } from "@/lib/webhooks/ingest/endpoint-cache";
import { admitDelivery, isStatementTimeout } from "@/lib/webhooks/ingest/group-commit";
import { ingest, type IngestResult } from "@/lib/webhooks/ingest/ingest";
import { countRefusal } from "@/lib/webhooks/ingest/refusals";
import { BodyAborted, BodyReadTimeout, type CappedBody } from "@/lib/webhooks/ingest/read-body";

// The HTTP edge of ingest. Before a body is read: a URL that leads to no active endpoint is
// answered 404 from a cached lookup (endpoint-cache.ts), and a delivery that could not be answered
// within the budget is refused with 503 (group-commit.ts, deadline.ts) — both without reading a
// byte or touching the queue. Then the capped body is read, within BODY_READ_TIMEOUT_MS, and
// ingested. Every 503 whose delivery was not stored is counted for its endpoint (refusals.ts).
//
// Two servers call it: the Next.js route (Vercel, `next dev`) with a Web Request, and the
// production server before Next.js (server-receiver.ts) with node:http's request. Each adapts its
// request to WebhookRequest and turns the result into the same answer (webhookAnswer).

/** What ingest reads from an HTTP request. */
export type WebhookRequest = {
  /** The sender already hung up. */
  aborted(): boolean;
  /** The headers to store with the delivery (request-headers.ts). */
  headers(): Record<string, string>;
  readBody(cap: number, timeoutMs: number): Promise<CappedBody>;
};

/** The HTTP answer to a result: status, JSON body and extra headers. */
export type WebhookAnswer = { status: number; body: unknown; headers: Record<string, string> };

/** TribeMade's order.created is ~1 kB sent at once; a body still arriving after this is not a webhook. */
const BODY_READ_TIMEOUT_MS = 2_000;

const BUSY = "Too many deliveries at once; try again shortly.";

const RETRY_AFTER = { "Retry-After": "5" };

export function webhookAnswer(result: IngestResult): WebhookAnswer {
  if (result.ok) return { status: 200, body: result.ack, headers: {} };
  const { error } = result;
  return { status: error.status, body: errorBody(error), headers: error.code === "unavailable" ? RETRY_AFTER : {} };
}

/** What the sender reads when the handler itself failed: nothing was acknowledged, so it retries. */
export const failedAnswer = (message: string): WebhookAnswer => ({
  status: 503,
  body: errorBody(new AppError("unavailable", message)),
  headers: RETRY_AFTER,
});

const unavailable = (message: string): IngestResult => ({
  ok: false,
  error: new AppError("unavailable", message),
  delivery: null,
});

export async function receiveWebhook(
  request: WebhookRequest,
  token: string,
  startedAt: number,
  trace?: Trace,
): Promise<IngestResult> {
  const tokenHash = sha256Hex(token);
  const result = await receive(request, tokenHash, startedAt, trace);
  if (!result.ok && result.error.code === "unavailable" && !result.delivery) countRefusal(tokenHash);
  return result;
}

async function receive(request: WebhookRequest, tokenHash: string, startedAt: number, trace?: Trace): Promise<IngestResult> {
  // A sender that already hung up (TribeMade gives up after 5 s) reads no answer: do no work for it.
  if (request.aborted()) return unavailable(BUSY);
  try {
    const endpoint = await lookupEndpoint(tokenHash);
    if (endpoint === "unknown") {
      return { ok: false, error: new AppError("not_found", "Unknown or revoked webhook endpoint."), delivery: null };
    }
    if (endpoint === "busy") return unavailable(BUSY);
  } catch (error) {
    if (isDatabaseUnavailable(error) || isStatementTimeout(error))
      return unavailable("The database is unavailable; try again shortly.");
    throw error;
  }

  const admission = admitDelivery(startedAt);
  if (!admission) return unavailable(BUSY);
  try {
    const { bytes, truncated } = await request.readBody(MAX_BODY_BYTES, BODY_READ_TIMEOUT_MS);
    trace?.mark("read");
    return await ingest({
      endpoint: { kind: "token", tokenHash },
      body: bytes,
      truncated,
      headers: request.headers(),
      startedAt,
      admission,
      trace,
    });
  } catch (error) {
    // Nobody reads this answer; nothing was written.
    if (error instanceof BodyAborted) return unavailable(BUSY);
    if (!(error instanceof BodyReadTimeout)) throw error;
    return { ok: false, error: new AppError("request_timeout", "The body did not arrive in time."), delivery: null };
  } finally {
    admission.release();
  }
}
