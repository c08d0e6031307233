import "server-only";
import type { Member } from "@/lib/auth/require-member";
import { CHANGES_LIMIT, readStoreChanges } from "@/lib/feed/queries";
import { liveMode } from "@/lib/feed/store-changes";
import { logger } from "@/lib/http/logger";
import { BYE_FRAME, encodeFrame, retryFrame } from "@/lib/orders/feed-frames";
import { assertFeedCapacity, joinFeed, nextFrameId, recentFrames, REPLAY_WINDOW_MS } from "@/lib/orders/feed-hub";
import { getOrderRows } from "@/lib/orders/queries";

// The live feed as server-sent events (GET /api/orders/stream); the frames are listed in
// lib/orders/feed-frames.ts. Each stream joins its store's hub (lib/orders/feed-hub.ts), which reads
// every change once for all the store's streams in this process and re-checks their sessions on
// each heartbeat. The stream ends by itself before a serverless function's time limit and the
// browser's EventSource reconnects (`retry`), sending Last-Event-ID: what changed in between is
// replayed (from the hub's memory, else from the change cursor), or the browser is told to re-read.

/** Vercel's default function limit is 300 s; end well inside it (docs/orders-feed.md). */
export const STREAM_MAX_MS = 240_000;
/** EventSource waits this long before reconnecting after the stream ends. */
export const RETRY_MS = 1_000;
/**
 * Full-length streams end up to this much early, at random: tabs opened together (a deploy, a
 * load test) then reconnect spread out instead of all in the same second.
 */
const END_SPREAD_MS = 20_000;
/** The stream's response headers, wherever it is served. */
export const STREAM_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "private, no-store, no-transform",
  // Nginx and some proxies buffer responses unless told not to.
  "X-Accel-Buffering": "no",
} as const;

/** ?for=<seconds>: a client (or a test) may ask for a shorter stream; never a longer one. */
export function requestedStreamMs(searchParams: URLSearchParams): number {
  const seconds = Number(searchParams.get("for"));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds * 1000, STREAM_MAX_MS) : STREAM_MAX_MS;
}

/** Replay reaches back this far before the last event id (clock skew, late commits). */
const REPLAY_LOOKBACK_MS = 5_000;

export type FeedStreamOptions = {
  /** The session's version when the stream opened; a later one (sign-out everywhere) revokes it. */
  sessionVersion: number;
  /** The Last-Event-ID header (a millisecond timestamp this stream sent), if reconnecting. */
  lastEventId?: string | null;
  /** End after this long (capped at STREAM_MAX_MS). */
  maxMs?: number;
};

/** Where a stream's bytes go: a Web stream (the route) or a Node response (scripts/serve.ts). */
export type FeedSink = {
  write: (bytes: Uint8Array) => void;
  /** Ends the response; called once. */
  close: () => void;
};

/**
 * Joins the member's store hub and starts writing to `sink`; returns what ends it early (the
 * browser went away). Throws AppError too_many_requests past the per-user or per-store cap
 * (lib/orders/feed-hub.ts) before writing anything.
 */
export function attachFeedStream(member: Member, options: FeedStreamOptions, sink: FeedSink): () => void {
  const storeId = member.store.id;
  assertFeedCapacity(storeId, member.user.id);
  const requested = Math.min(options.maxMs ?? STREAM_MAX_MS, STREAM_MAX_MS);
  const maxMs = requested === STREAM_MAX_MS ? requested - Math.random() * END_SPREAD_MS : requested;
  // Set by the stream's own end and by the browser going away: nothing is written after.
  let closed = false;
  const write = (bytes: Uint8Array) => {
    if (!closed) sink.write(bytes);
  };
  const stop = () => {
    if (closed) return false;
    closed = true;
    leave();
    clearTimeout(ending);
    return true;
  };
  const end = (last?: Uint8Array) => {
    if (last) write(last);
    if (stop()) sink.close();
  };
  const leave = joinFeed(storeId, { userId: member.user.id, sessionVersion: options.sessionVersion, write, end });
  const ending = setTimeout(() => end(BYE_FRAME), maxMs);

  write(retryFrame(RETRY_MS));
  write(encodeFrame({ event: "ready", data: { mode: liveMode(), at: new Date().toISOString() } }, nextFrameId(storeId)));
  void replay(member, options.lastEventId, write);
  return () => void stop();
}

/** attachFeedStream as a Web stream, for the route handler. */
export function openFeedStream(
  member: Member,
  options: FeedStreamOptions & { signal?: AbortSignal },
): ReadableStream<Uint8Array> {
  let detach = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let done = false;
      const close = () => {
        if (done) return;
        done = true;
        controller.close();
      };
      detach = attachFeedStream(member, options, { write: (bytes) => controller.enqueue(bytes), close });
      options.signal?.addEventListener(
        "abort",
        () => {
          detach();
          close();
        },
        { once: true },
      );
    },
    cancel() {
      detach();
    },
  });
}

/** After a reconnect: the changes since the last event the browser saw, or a resync. */
async function replay(member: Member, lastEventId: string | null | undefined, write: (bytes: Uint8Array) => void) {
  if (!lastEventId) return;
  const storeId = member.store.id;
  const resync = () => write(encodeFrame({ event: "resync", data: {} }, nextFrameId(storeId)));
  const last = Number(lastEventId);
  if (!Number.isFinite(last) || Date.now() - last > REPLAY_WINDOW_MS) return resync();
  const since = last - REPLAY_LOOKBACK_MS;
  const remembered = recentFrames(storeId, since);
  if (remembered) return remembered.forEach(write);
  // This process did not see them all (it started, or the store's hub, since): the change cursor.
  try {
    const changes = await readStoreChanges(storeId, new Date(since));
    if (changes.length >= CHANGES_LIMIT) return resync();
    const kinds = new Map<string, "created" | "updated">();
    for (const change of changes)
      if (kinds.get(change.orderId) !== "created")
        kinds.set(change.orderId, change.type === "received" || change.type === "added_by_id" ? "created" : "updated");
    for (const order of await getOrderRows(member, [...kinds.keys()])) {
      write(encodeFrame({ event: "order", data: { change: kinds.get(order.id) ?? "updated", order } }, nextFrameId(storeId)));
    }
  } catch (error) {
    logger.warn("feed stream: replay failed", { error });
    resync();
  }
}
