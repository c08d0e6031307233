// GET /api/orders/stream — server-sent events: new and changed orders of the current store, live.
// The production server (scripts/serve.ts) answers it before Next.js with the same stream
// (lib/orders/feed-stream-server.ts); this route serves Vercel, `next start` and `npm run dev`.
import { openFeedStream, requestedStreamMs, STREAM_HEADERS } from "@/lib/orders/feed-stream";
import { auth } from "@/lib/auth/session";
import { withMember } from "@/lib/auth/with-member";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";
// The stream ends itself at STREAM_MAX_MS (240 s), inside Vercel's default 300 s limit.
export const maxDuration = 300;

export const GET = withMember(async (request, { member }) => {
  // withMember checked this version against the user's; each heartbeat checks it again.
  const sessionVersion = (await auth())?.sessionVersion ?? 0;
  // Past a cap this throws too_many_requests (429, details.reason); the page then polls.
  const stream = openFeedStream(member, {
    sessionVersion,
    lastEventId: request.headers.get("last-event-id"),
    maxMs: requestedStreamMs(new URL(request.url).searchParams),
    signal: request.signal,
  });
  return new Response(stream, { headers: STREAM_HEADERS });
});
