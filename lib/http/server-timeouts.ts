import type { Server } from "node:http";

// Timeouts of the production server (scripts/serve.ts). Node's defaults wait 60 s for a request's
// headers and 300 s for its body, so a few hundred slow or idle connections (slowloris) hold sockets
// and memory for minutes. A request whose headers or body do not arrive in time gets Node's own 408
// and its connection is closed.
//
// Plain node:http and no "server-only": the custom server imports this outside Next.js.

export const SERVER_TIMEOUTS = {
  /** The whole header block: a real client sends it in one packet, a phone on a bad link in a few seconds. */
  headersTimeout: 15_000,
  /** Headers and body: the largest body taken is 1 MiB (lib/http/body-limit.ts), ~50 s at 20 kB/s. */
  requestTimeout: 60_000,
  /**
   * An idle kept-alive connection. Longer than the 60 s idle timeout of common load balancers
   * (AWS ALB, nginx's upstream keepalive default), so the proxy closes an idle connection first and
   * never sends a request down one this server is closing (a 502 at the proxy).
   */
  keepAliveTimeout: 65_000,
} as const;

export function applyServerTimeouts(server: Server): void {
  server.headersTimeout = SERVER_TIMEOUTS.headersTimeout;
  server.requestTimeout = SERVER_TIMEOUTS.requestTimeout;
  server.keepAliveTimeout = SERVER_TIMEOUTS.keepAliveTimeout;
}
