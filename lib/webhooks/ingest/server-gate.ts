import type { IncomingMessage, ServerResponse } from "node:http";
import { createServiceMeter, pastBudget, type ServiceMeter } from "./deadline";
import { serverRefusals } from "./server-hook";

// Admission control for webhook deliveries, at the production server (scripts/serve.ts; docs/
// webhook-ingest.md, "Overload"). A bound inside ingest cannot see load the process is too slow to
// read: under a flood, and on a server restarted into a backlog, requests wait unread in the kernel
// (full accept queue, unread sockets) while the process has few of them in hand.
//
// So, when Node has parsed a request's headers and before the webhook receiver (server-receiver.ts)
// or Next.js sees it, the gate estimates when this delivery would be answered, from its sender's
// point of view: how late the event loop is running (the time the request waited unread, measured
// by a probe timer) plus the deliveries in hand ahead of it times the measured time per delivery
// (deadline.ts). Past ANSWER_BUDGET_MS it is answered 503 + Retry-After at once, before its body is
// read; refusing costs microseconds, so the loop catches up. Nothing else refuses: no count of
// deliveries in flight, and one pause of the loop (a major GC, a stalled machine) shorter than about
// a second only adds its length to the estimate (before issue 20, one late probe refused everything
// read after it, and a 33rd concurrent delivery was refused although the server could take 1,000).
// A refusal is counted per endpoint and minute (server-hook.ts → refusals.ts); nothing of its body
// is read or kept.
//
// Plain node:http and no "server-only": the custom server imports this outside Next.js.

export const WEBHOOK_PATH_PREFIX = "/api/webhooks/";

const RETRY_AFTER_SECONDS = "5";
// The route's own error shape (lib/http/error-response.ts), so senders see one format.
const BUSY_BODY = JSON.stringify({ error: "unavailable", message: "Too many deliveries at once; try again shortly." });

const PROBE_MS = 20;

/** Starts a probe timer; the function tells how late (ms) the event loop ran at its last turn. */
export function watchEventLoop(): () => number {
  let lag = 0;
  let expected = performance.now() + PROBE_MS;
  setInterval(() => {
    const now = performance.now();
    lag = Math.max(0, now - expected);
    expected = now + PROBE_MS;
  }, PROBE_MS).unref();
  return () => lag;
}

export type WebhookGate = {
  /** Passes the request on to `next`, or answers it here with 503. */
  handle(request: IncomingMessage, response: ServerResponse, next: () => void): void;
  /** Webhook requests admitted and not yet answered, how many were refused so far, and the estimate now. */
  stats(): { inFlight: number; shed: number; waitMs: number; stalledMs: number };
};

export function createWebhookGate(
  options: { lagMs?: () => number; meter?: ServiceMeter; onRefused?: (request: IncomingMessage) => void } = {},
): WebhookGate {
  const { lagMs = () => 0, meter = createServiceMeter(), onRefused = countRefusal } = options;
  let shed = 0;
  return {
    handle(request, response, next) {
      if (!request.url?.startsWith(WEBHOOK_PATH_PREFIX)) return next();
      if (pastBudget(meter, lagMs())) {
        shed++;
        onRefused(request);
        // Node discards the unread body after the response and keeps the connection usable.
        response.writeHead(503, {
          "Content-Type": "application/json",
          "Content-Length": Buffer.byteLength(BUSY_BODY),
          "Retry-After": RETRY_AFTER_SECONDS,
        });
        response.end(BUSY_BODY);
        return;
      }
      meter.start();
      // Finished when the response has been handed to the socket ("finish"), or the connection
      // dropped ("close"), whichever comes first: a keep-alive sender may already have its next
      // request in before "close" runs.
      let held = true;
      const release = () => {
        if (held) meter.finish();
        held = false;
      };
      response.once("finish", release);
      response.once("close", release);
      next();
    },
    stats: () => ({ inFlight: meter.inHand(), shed, waitMs: meter.waitMs(), stalledMs: meter.stalledMs() }),
  };
}

/** Hands the refusal to the build's counter (registered at start-up), which needs only the URL's token. */
function countRefusal(request: IncomingMessage): void {
  serverRefusals()?.(request);
}
