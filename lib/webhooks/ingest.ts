import "server-only";
import { safeEqual, sha256Hex } from "@/lib/crypto/tokens";
import { AppError } from "@/lib/http/app-error";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import { logger } from "@/lib/http/logger";
import { classifyBody, MAX_BODY_BYTES } from "@/lib/webhooks/classify";
import { submitOrderDelivery } from "@/lib/webhooks/ingest-batch";
import {
  storeOrderDelivery,
  storeRejectedDelivery,
  type DeliveryRecord,
  type EndpointSelector,
  type StoredDelivery,
} from "@/lib/webhooks/ingest-sql";
import { readBodyCapped } from "@/lib/webhooks/read-body";
import { captureHeaders } from "@/lib/webhooks/request-headers";
import type { WebhookAck } from "@/lib/webhooks/payload-schema";

// Ingest = check → record once → ack (house style 12; design.md "Ingest"). Everything that can be
// decided without the database is decided first (classify.ts); then one statement records the
// delivery and, for a valid order, the order, its event and its outbox message.

/**
 * TribeMade gives up after 5 s. The pool waits at most 2 s for a connection (lib/db.ts); past this
 * deadline the sender gets 503 and retries, and a statement that still commits makes that retry a
 * duplicate, which is success.
 */
export const INGEST_DEADLINE_MS = 3_500;

export type IngestInput = {
  endpoint: EndpointSelector;
  body: Uint8Array;
  /** The sender went past MAX_BODY_BYTES; `body` holds the first MAX_BODY_BYTES. */
  truncated: boolean;
  headers: Record<string, string>;
  /** performance.now() when the request arrived: the start of time-to-ack. */
  startedAt: number;
  replayOfId?: string | null;
};

export type IngestResult =
  { ok: true; ack: WebhookAck; delivery: StoredDelivery } | { ok: false; error: AppError; delivery: StoredDelivery | null };

/** The HTTP edge: reads the capped body and the headers, then ingests. */
export async function receiveWebhook(request: Request, token: string, startedAt: number): Promise<IngestResult> {
  const { bytes, truncated } = await readBodyCapped(request, MAX_BODY_BYTES);
  return ingest({
    endpoint: { kind: "token", tokenHash: sha256Hex(token) },
    body: bytes,
    truncated,
    headers: captureHeaders(request.headers),
    startedAt,
  });
}

export async function ingest(input: IngestInput): Promise<IngestResult> {
  const verdict = classifyBody(input.body, input.truncated);
  const record: DeliveryRecord = {
    headers: input.headers,
    body: input.body,
    bodySha256: sha256Hex(input.body),
    warnings: verdict.warnings,
    orderRef: verdict.kind === "valid" ? verdict.order.orderId : verdict.orderRef,
    elapsedMs: 0,
    replayOfId: input.replayOfId ?? null,
  };

  let stored: StoredDelivery | null;
  try {
    record.elapsedMs = performance.now() - input.startedAt;
    stored = await withDeadline(
      verdict.kind === "rejected"
        ? storeRejectedDelivery(input.endpoint, record, verdict.reason, verdict.errors)
        : input.endpoint.kind === "token"
          ? submitOrderDelivery(input.endpoint.tokenHash, record, verdict.order, verdict.payloadJson, input.startedAt)
          : storeOrderDelivery(input.endpoint, record, verdict.order, verdict.payloadJson),
      input.startedAt,
    );
  } catch (error) {
    return failed(error, input.endpoint, record);
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

/**
 * The statement found the endpoint through the unique index on tokenHash; the digests are compared
 * once more in constant time so equality never rests on the index's comparison alone.
 */
function sameEndpoint(selector: EndpointSelector, stored: StoredDelivery): boolean {
  return selector.kind === "endpoint" || safeEqual(stored.tokenHash, selector.tokenHash);
}

class DeadlineExceeded extends Error {}

function withDeadline<T>(work: Promise<T>, startedAt: number): Promise<T> {
  const remaining = Math.max(0, INGEST_DEADLINE_MS - (performance.now() - startedAt));
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeadlineExceeded("ingest deadline exceeded")), remaining);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

async function failed(error: unknown, endpoint: EndpointSelector, record: DeliveryRecord): Promise<IngestResult> {
  if (error instanceof DeadlineExceeded || isDatabaseUnavailable(error)) {
    logger.warn("webhook ingest: database unavailable", { deadline: error instanceof DeadlineExceeded });
    return { ok: false, error: new AppError("unavailable", "The database is unavailable; try again shortly."), delivery: null };
  }
  // The statement failed as a whole (nothing of it was written). Record that the delivery arrived,
  // so the merchant sees it in the inspector and can replay it once the cause is fixed.
  logger.error("webhook ingest statement failed", { error });
  let stored: StoredDelivery | null = null;
  try {
    stored = await storeRejectedDelivery(endpoint, record, "internal_error", [
      { path: "", message: "The delivery could not be stored; it can be replayed from the inspector." },
    ]);
  } catch (fallbackError) {
    logger.error("webhook ingest fallback record failed", { error: fallbackError });
  }
  return { ok: false, error: new AppError("internal_error", "Something went wrong on our side."), delivery: stored };
}
