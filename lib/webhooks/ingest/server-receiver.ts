import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { SECURITY_HEADERS } from "@/lib/http/security-headers";
import { logger } from "@/lib/http/logger";
import { BENCH_ID_HEADER, startTrace } from "@/lib/perf/request-trace";
import { announceDelivery } from "@/lib/webhooks/ingest/announce";
import { NOT_STORED_MESSAGE, type IngestResult } from "@/lib/webhooks/ingest/ingest";
import { readNodeBodyCapped } from "@/lib/webhooks/ingest/read-body";
import { failedAnswer, receiveWebhook, webhookAnswer, type WebhookAnswer } from "@/lib/webhooks/ingest/receive-webhook";
import { captureHeaders } from "@/lib/webhooks/ingest/request-headers";

// The webhook route as the production server answers it, on node:http, before Next.js
// (scripts/serve.ts, registered by instrumentation.ts). Same checks, same statement, same answers
// as app/api/webhooks/tribemade/[token]/route.ts; what it skips is Next.js's own work per request
// (~1.4 ms of the one JavaScript thread: routing, the Web Request and Response, the handler's
// wrappers), which was most of a webhook's CPU and of the gap to a bare route
// (docs/benchmarks.md, "The ingest tail").

const BASE_HEADERS: Record<string, string> = {
  "Content-Type": "application/json",
  ...Object.fromEntries(SECURITY_HEADERS.map(({ key, value }) => [key, value])),
};

/** Answers the request; resolves once the after-answer work is done too (never rejects). */
export async function receiveOnServer(request: IncomingMessage, response: ServerResponse, token: string): Promise<void> {
  const startedAt = performance.now();
  const benchId = request.headers[BENCH_ID_HEADER];
  const trace = startTrace(typeof benchId === "string" ? benchId : null, "ingest", startedAt);
  let truncated = false;
  const webhook = {
    aborted: () => request.destroyed,
    headers: () => captureHeaders(headerEntries(request)),
    readBody: async (cap: number, timeoutMs: number) => {
      const body = await readNodeBodyCapped(request, cap, timeoutMs);
      truncated = body.truncated;
      return body;
    },
  };
  let result: IngestResult;
  try {
    result = await receiveWebhook(webhook, token, startedAt, trace);
  } catch (error) {
    // Whatever failed, nothing was acknowledged: ask the sender to try again, never a bare 500.
    logger.error("webhook ingest failed", { error });
    send(response, failedAnswer(NOT_STORED_MESSAGE), truncated);
    return;
  }
  // A 408 leaves the rest of a trickled body unread on the socket: close it too.
  const answer = webhookAnswer(result);
  send(response, answer, truncated || answer.status === 408);
  trace?.mark("responded");
  const { delivery } = result;
  if (!delivery) return;
  // After the answer, like the route's after(): the ack never waits for these.
  await new Promise((resolve) => setImmediate(resolve));
  trace?.mark("written");
  try {
    await announceDelivery(delivery);
    trace?.mark("announced");
  } catch (error) {
    logger.warn("webhook announce failed", { error });
  }
}

/**
 * `close`: the body went past the cap, or did not arrive in time, and was not read to its end;
 * close the connection rather than let Node read and discard the rest. A body refused unread (unknown URL, queue full) is
 * small, and Node discards it and keeps the connection: closing a socket with unread data resets
 * it, and the sender could lose the answer.
 */
function send(response: ServerResponse, answer: WebhookAnswer, close: boolean): void {
  if (response.headersSent || response.destroyed) return;
  const body = JSON.stringify(answer.body);
  response.writeHead(answer.status, {
    ...BASE_HEADERS,
    ...answer.headers,
    "Content-Length": Buffer.byteLength(body),
    ...(close ? { Connection: "close" } : {}),
  });
  response.end(body);
}

/** Node's parsed headers as a Web Headers object would list them: lower-case names, sorted. */
function headerEntries(request: IncomingMessage): Array<[string, string]> {
  return Object.keys(request.headers)
    .sort()
    .map((name) => {
      const value = request.headers[name];
      return [name, Array.isArray(value) ? value.join(", ") : (value ?? "")];
    });
}
