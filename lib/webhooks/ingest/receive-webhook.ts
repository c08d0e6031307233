import "server-only";
import { sha256Hex } from "@/lib/crypto/tokens";
import type { Trace } from "@/lib/perf/request-trace";
import { MAX_BODY_BYTES } from "@/lib/webhooks/ingest/classify";
import { ingest, type IngestResult } from "@/lib/webhooks/ingest/ingest";
import { readBodyCapped } from "@/lib/webhooks/ingest/read-body";
import { captureHeaders } from "@/lib/webhooks/ingest/request-headers";

/** The HTTP edge of ingest: reads the capped body and the headers, then ingests. */
export async function receiveWebhook(request: Request, token: string, startedAt: number, trace?: Trace): Promise<IngestResult> {
  const { bytes, truncated } = await readBodyCapped(request, MAX_BODY_BYTES);
  trace?.mark("read");
  return ingest({
    trace,
    endpoint: { kind: "token", tokenHash: sha256Hex(token) },
    body: bytes,
    truncated,
    headers: captureHeaders(request.headers),
    startedAt,
  });
}
