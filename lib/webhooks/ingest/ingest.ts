import "server-only";
import { safeEqual, sha256Hex } from "@/lib/crypto/tokens";
import { AppError } from "@/lib/http/app-error";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { logger } from "@/lib/http/logger";
import type { Trace } from "@/lib/perf/request-trace";
import { classifyBody } from "@/lib/webhooks/ingest/classify";
import {
  deliveryDocument,
  type DeliveryContent,
  type DeliveryRecord,
  type EndpointSelector,
} from "@/lib/webhooks/ingest/delivery-document";
import { IngestDeadlineExceeded, isStatementTimeout, submitDelivery, type Admission } from "@/lib/webhooks/ingest/group-commit";
import type { StoredDelivery } from "@/lib/webhooks/ingest/statement";
import type { WebhookAck } from "@/lib/webhooks/payload-schema";

// Ingest = check → record once → ack (docs/webhook-ingest.md). Everything that can be decided
// without the database is decided first (classify.ts); then the ingest statement records the
// delivery and, for a valid order, the order, its event and its outbox message.

/**
 * TribeMade gives up after 5 s. The pool waits at most 2 s for a connection (lib/db.ts); past this
 * deadline (from the request's start) the sender gets 503 and retries; a delivery still queued is
 * dropped unsent, and a statement already running that still commits makes that retry a duplicate,
 * which is success.
 */
export const INGEST_DEADLINE_MS = 3_500;

/** What the sender reads when its delivery could not be stored (the answer is 503 + Retry-After). */
export const NOT_STORED_MESSAGE = "The delivery could not be stored; try again shortly.";

export type IngestInput = {
  endpoint: EndpointSelector;
  body: Uint8Array;
  /** The sender went past MAX_BODY_BYTES; `body` holds the first MAX_BODY_BYTES. */
  truncated: boolean;
  headers: Record<string, string>;
  /** performance.now() when the request arrived: the start of time-to-ack. */
  startedAt: number;
  replayOfId?: string | null;
  /** The group-commit place the HTTP edge reserved before reading the body. */
  admission?: Admission;
  /** Phase timings, when benchmarking (lib/perf/request-trace.ts). */
  trace?: Trace;
};

export type IngestResult =
  { ok: true; ack: WebhookAck; delivery: StoredDelivery } | { ok: false; error: AppError; delivery: StoredDelivery | null };

export async function ingest(input: IngestInput): Promise<IngestResult> {
  const verdict = classifyBody(input.body, input.truncated);
  const record: DeliveryRecord = {
    headers: input.headers,
    body: input.body,
    bodySha256: sha256Hex(input.body),
    warnings: verdict.warnings,
    orderRef: verdict.kind === "valid" ? verdict.order.orderId : verdict.orderRef,
    replayOfId: input.replayOfId ?? null,
  };
  const content: DeliveryContent =
    verdict.kind === "valid"
      ? { kind: "order", order: verdict.order, payloadJson: verdict.payloadJson }
      : { kind: "rejected", reason: verdict.reason, errors: verdict.errors };

  input.trace?.mark("classified");
  let stored: StoredDelivery | null;
  try {
    const key = verdict.kind === "valid" ? verdict.order.orderId : null;
    stored = await submit(input, record, content, key);
  } catch (error) {
    return failed(error, input, record);
  }

  if (!stored || !sameEndpoint(input.endpoint, stored)) {
    return { ok: false, error: new AppError("not_found", "Unknown or revoked webhook endpoint."), delivery: null };
  }
  if (verdict.kind === "rejected") {
    const details = verdict.exposeDetails ? verdict.errors : undefined;
    return { ok: false, error: new AppError(verdict.reason, verdict.message, details), delivery: stored };
  }
  if (stored.outcome === "rejected") {
    const error = new AppError("store_mismatch", "store_id does not match the store this endpoint belongs to.");
    return { ok: false, error, delivery: stored };
  }
  return { ok: true, ack: { status: stored.outcome, order_id: verdict.order.orderIdAsSent }, delivery: stored };
}

function submit(
  input: IngestInput,
  record: DeliveryRecord,
  content: DeliveryContent,
  key: string | null,
): Promise<StoredDelivery | null> {
  return submitDelivery({
    key,
    // Dated when its statement is sent, so ackMs includes any wait for a statement slot.
    document: () => deliveryDocument(input.endpoint, record, content, performance.now() - input.startedAt),
    body: Buffer.from(record.body.buffer, record.body.byteOffset, record.body.byteLength),
    deadline: input.startedAt + INGEST_DEADLINE_MS,
    admission: input.admission,
    trace: input.trace,
  });
}

/**
 * The statement found the endpoint through the unique index on tokenHash; the digests are compared
 * once more in constant time so equality never rests on the index's comparison alone.
 */
function sameEndpoint(selector: EndpointSelector, stored: StoredDelivery): boolean {
  return selector.kind === "endpoint" || safeEqual(stored.tokenHash, selector.tokenHash);
}

async function failed(error: unknown, input: IngestInput, record: DeliveryRecord): Promise<IngestResult> {
  const deadline = error instanceof IngestDeadlineExceeded;
  if (deadline || isStatementTimeout(error) || isDatabaseUnavailable(error)) {
    logger.warn("webhook ingest: database unavailable", { deadline });
    return { ok: false, error: new AppError("unavailable", "The database is unavailable; try again shortly."), delivery: null };
  }
  // The statement failed as a whole (nothing of it was written). Record that the delivery arrived,
  // so the merchant sees it in the inspector and can replay it once the cause is fixed.
  logger.error("webhook ingest statement failed", { error });
  let stored: StoredDelivery | null = null;
  try {
    const errors = [{ path: "", message: "The delivery could not be stored; it can be replayed from the inspector." }];
    stored = await submit(input, record, { kind: "rejected", reason: "internal_error", errors }, null);
  } catch (fallbackError) {
    logger.error("webhook ingest fallback record failed", { error: fallbackError });
  }
  // 503, never 500: nothing of the delivery was applied, and TribeMade should send it again.
  return { ok: false, error: new AppError("unavailable", NOT_STORED_MESSAGE), delivery: stored };
}
