// GET /api/orders/stream — server-sent events: new and changed orders of the current store, live
import { openFeedStream, STREAM_MAX_MS } from "@/lib/orders/feed-stream";
import { auth } from "@/lib/auth/session";
import { withMember } from "@/lib/auth/with-member";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
// The stream ends itself at STREAM_MAX_MS (240 s), inside Vercel's default 300 s limit.
export const maxDuration = 300;

export const GET = withMember(async (request, { member }) => {
  // ?for=<seconds>: a client (or a test) may ask for a shorter stream; never a longer one.
  const seconds = Number(new URL(request.url).searchParams.get("for"));
  const maxMs = Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds * 1000, STREAM_MAX_MS) : STREAM_MAX_MS;
  // withMember checked this version against the user's; each heartbeat checks it again.
  const sessionVersion = (await auth())?.sessionVersion ?? 0;
  // Past a cap this throws too_many_requests (429, details.reason); the page then polls.
  const stream = openFeedStream(member, {
    sessionVersion,
    lastEventId: request.headers.get("last-event-id"),
    maxMs,
    signal: request.signal,
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      // Nginx and some proxies buffer responses unless told not to.
      "X-Accel-Buffering": "no",
    },
  });
});
