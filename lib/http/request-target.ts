import type { IncomingMessage } from "node:http";

// HTTP/1.1 servers must accept a request target in absolute form (RFC 9112 §3.2.2:
// `POST http://host/api/webhooks/tribemade/… HTTP/1.1`), which Node passes on as `request.url`
// unchanged. Every check that reads the path (the webhook gate's prefix, the receiver's pattern,
// the body limit) expects origin form ("/api/…"): an absolute target slipped past the gate to a
// Next.js that routes it anyway. The production server rewrites it once, before any of them.
//
// Plain node:http and no "server-only": the custom server imports this outside Next.js.

/** Rewrites an absolute-form target to its path and query; anything else is left as it came. */
export function normaliseRequestTarget(request: IncomingMessage): void {
  const target = request.url ?? "";
  if (target.startsWith("/") || !/^https?:\/\//i.test(target)) return;
  try {
    const url = new URL(target);
    request.url = `${url.pathname}${url.search}`;
  } catch {
    // Unparseable: leave it for Next.js to answer (400/404), as it would have been.
  }
}
