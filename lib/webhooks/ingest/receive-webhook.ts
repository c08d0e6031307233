import "server-only";
import { sha256Hex } from "@/lib/crypto/tokens";
import { AppError } from "@/lib/http/app-error";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import type { Trace } from "@/lib/perf/request-trace";
import { MAX_BODY_BYTES } from "@/lib/webhooks/ingest/classify";
import { lookupEndpoint } from "@/lib/webhooks/ingest/endpoint-cache";
import { admitDelivery, isStatementTimeout } from "@/lib/webhooks/ingest/group-commit";
import { ingest, type IngestResult } from "@/lib/webhooks/ingest/ingest";
import { BodyReadTimeout, readBodyCapped } from "@/lib/webhooks/ingest/read-body";
import { captureHeaders } from "@/lib/webhooks/ingest/request-headers";

// The HTTP edge of ingest. Before a body is read: a URL that leads to no active endpoint is
// answered 404 from a cached lookup (endpoint-cache.ts), and a delivery that finds the group-commit
// queue full is shed with 503 (group-commit.ts) — both without reading a byte or touching the
// queue. Then the capped body is read, within BODY_READ_TIMEOUT_MS, and ingested.

/** TribeMade's order.created is ~1 kB sent at once; a body still arriving after this is not a webhook. */
const BODY_READ_TIMEOUT_MS = 2_000;

const BUSY = "Too many deliveries at once; try again shortly.";

const unavailable = (message: string): IngestResult => ({
  ok: false,
  error: new AppError("unavailable", message),
  delivery: null,
});

export async function receiveWebhook(request: Request, token: string, startedAt: number, trace?: Trace): Promise<IngestResult> {
  // A sender that already hung up (TribeMade gives up after 5 s) reads no answer: do no work for it.
  if (request.signal.aborted) return unavailable(BUSY);
  const tokenHash = sha256Hex(token);
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

  const admission = admitDelivery();
  if (!admission) return unavailable(BUSY);
  try {
    const { bytes, truncated } = await readBodyCapped(request, MAX_BODY_BYTES, BODY_READ_TIMEOUT_MS);
    trace?.mark("read");
    return await ingest({
      endpoint: { kind: "token", tokenHash },
      body: bytes,
      truncated,
      headers: captureHeaders(request.headers),
      startedAt,
      admission,
      trace,
    });
  } catch (error) {
    if (!(error instanceof BodyReadTimeout)) throw error;
    return { ok: false, error: new AppError("request_timeout", "The body did not arrive in time."), delivery: null };
  } finally {
    admission.release();
  }
}
