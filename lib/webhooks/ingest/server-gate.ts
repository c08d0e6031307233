import type { IncomingMessage, ServerResponse } from "node:http";

// Admission control for webhook deliveries, at the production server (scripts/serve.ts; docs/
// webhook-ingest.md, "Overload"). A bound inside ingest cannot shed load the process is already
// too slow to read: measured under a flood and on a server restarted into TribeMade's backlog, the
// requests then wait unread in the kernel (full accept queue, unread sockets) for seconds while the
// process has few of them in hand, and the server works on requests their sender gave up on.
//
// Two signals, checked when Node has parsed a request's headers, before the webhook receiver
// (server-receiver.ts) or Next.js sees it:
// - deliveries in flight (parsed, not yet answered) past a limit;
// - the event loop running behind: a timer that fires ≥ 100 ms late means sockets are waiting to
//   be read, so everything queued behind is late too. Until the loop catches up (a timer ≤ 20 ms
//   late), webhooks are refused; each refusal costs microseconds, so the backlog drains fast.
//   A saturated but keeping-up server (a closed-loop benchmark, 32 connections) stays below it.
//   One late probe is enough: waiting for two in a row let a restarted server fall behind for
//   good (chaos: a webhook answered after 16 s); the price is that one long pause (a major GC, a
//   stall of the machine) also refuses the deliveries read right after it (422 of ~50,000 in a
//   benchmark run with 0.6–1 s stalls), which TribeMade sends again.
// A refused delivery is answered 503 + Retry-After before its body is read. Nothing is written:
// the sender still has it and sends it again.
//
// Plain node:http and no "server-only": the custom server imports this outside Next.js. Hand-
// written because it is a counter and a timer: rate-limit libraries bound requests per time.

export const WEBHOOK_PATH_PREFIX = "/api/webhooks/";

/**
 * Deliveries in flight per process. The admitted requests' own work sets how long one turn of the
 * event loop takes under a flood, and everything unread waits that long: measured at twice
 * capacity when a webhook still cost ~1.8 ms of Next.js work, 32 answered refusals in 38 ms at the
 * median (p99 1.2 s) where 64 took 166 ms (p99 5.5 s), with the same throughput. The receiver now
 * spends ~0.4 ms per webhook; 32 still fills two group-commit statements. At normal rates a few are
 * in flight (a commit takes ~2 ms).
 */
export const DEFAULT_WEBHOOK_CONCURRENCY = 32;

const RETRY_AFTER_SECONDS = "5";
// The route's own error shape (lib/http/error-response.ts), so senders see one format.
const BUSY_BODY = JSON.stringify({ error: "unavailable", message: "Too many deliveries at once; try again shortly." });

/** Event-loop lag that means "behind", and the lag that means "caught up again". */
const BEHIND_MS = 100;
const CAUGHT_UP_MS = 20;
const PROBE_MS = 20;

/** Starts a probe timer; the function tells whether the event loop is running behind. */
export function watchEventLoop(): () => boolean {
  let behind = false;
  let expected = performance.now() + PROBE_MS;
  setInterval(() => {
    const now = performance.now();
    const late = now - expected;
    expected = now + PROBE_MS;
    if (late >= BEHIND_MS) behind = true;
    else if (late <= CAUGHT_UP_MS) behind = false;
  }, PROBE_MS).unref();
  return () => behind;
}

export type WebhookGate = {
  /** Passes the request on to `next`, or answers it here with 503. */
  handle(request: IncomingMessage, response: ServerResponse, next: () => void): void;
  /** Webhook requests admitted and not yet answered, and how many were shed so far. */
  stats(): { inFlight: number; shed: number };
};

export function createWebhookGate(options: { limit?: number; isBehind?: () => boolean } = {}): WebhookGate {
  const { limit = DEFAULT_WEBHOOK_CONCURRENCY, isBehind = () => false } = options;
  let inFlight = 0;
  let shed = 0;
  return {
    handle(request, response, next) {
      if (!request.url?.startsWith(WEBHOOK_PATH_PREFIX)) return next();
      if (inFlight >= limit || isBehind()) {
        shed++;
        // Node discards the unread body after the response and keeps the connection usable.
        response.writeHead(503, {
          "Content-Type": "application/json",
          "Content-Length": Buffer.byteLength(BUSY_BODY),
          "Retry-After": RETRY_AFTER_SECONDS,
        });
        response.end(BUSY_BODY);
        return;
      }
      inFlight++;
      // Freed when the response has been handed to the socket ("finish"), or the connection dropped
      // ("close"), whichever comes first: a keep-alive sender may already have its next request in
      // before "close" runs.
      let held = true;
      const release = () => {
        if (held) inFlight--;
        held = false;
      };
      response.once("finish", release);
      response.once("close", release);
      next();
    },
    stats: () => ({ inFlight, shed }),
  };
}
