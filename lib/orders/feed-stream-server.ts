import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseCookies } from "cookie";
import { CURRENT_STORE_COOKIE } from "@/lib/auth/current-store";
import { memberFromClaims } from "@/lib/auth/require-member";
import { claimsFromCookies } from "@/lib/auth/session";
import { toErrorResponse } from "@/lib/http/error-response";
import { SECURITY_HEADERS } from "@/lib/http/security-headers";
import { attachFeedStream, requestedStreamMs, STREAM_HEADERS } from "@/lib/orders/feed-stream";

// GET /api/orders/stream on the production server (scripts/serve.ts, through
// lib/orders/feed-stream-hook.ts): the route's checks and frames, written straight to Node's
// response. Next.js keeps a request's objects, its async context and a Web-stream-to-Node pipeline
// alive for as long as a response stays open; for a feed open for minutes in every tab that was
// most of the memory per stream (docs/benchmarks.md, issue 27). The route still serves Vercel.

/** A stream this far behind (a stalled client) is ended; the browser reconnects and replays. */
const MAX_UNSENT_BYTES = 1024 * 1024;

const SECURITY = Object.fromEntries(SECURITY_HEADERS.map(({ key, value }) => [key, value]));

export async function streamFeedOnServer(request: IncomingMessage, response: ServerResponse): Promise<void> {
  try {
    const cookies = parseCookies(request.headers.cookie ?? "");
    const claims = await claimsFromCookies(cookies);
    const member = await memberFromClaims(claims, cookies[CURRENT_STORE_COOKIE]);
    // The browser may have gone while the session was checked.
    if (response.destroyed) return;
    const url = new URL(request.url ?? "/", "http://localhost");
    const lastEventId = request.headers["last-event-id"];
    let detach = () => {};
    // Past a cap this throws too_many_requests before anything is written (429; the page then polls).
    detach = attachFeedStream(
      member,
      {
        sessionVersion: claims?.sessionVersion ?? 0,
        lastEventId: typeof lastEventId === "string" ? lastEventId : null,
        maxMs: requestedStreamMs(url.searchParams),
      },
      {
        write: (bytes) => {
          if (!response.headersSent) response.writeHead(200, { ...SECURITY, ...STREAM_HEADERS });
          response.write(bytes);
          if (response.writableLength > MAX_UNSENT_BYTES) {
            detach();
            response.destroy();
          }
        },
        close: () => response.end(),
      },
    );
    response.once("close", () => detach());
  } catch (error) {
    await writeError(response, toErrorResponse(error));
  }
}

/** The JSON error the route would answer (withMember's), on Node's response. */
async function writeError(response: ServerResponse, answer: Response): Promise<void> {
  const body = await answer.text();
  if (response.destroyed || response.headersSent) return;
  response.writeHead(answer.status, {
    ...SECURITY,
    ...Object.fromEntries(answer.headers),
    "Cache-Control": "private, no-store",
  });
  response.end(body);
}
