import "server-only";
import { liveSessionKey, validLiveSessions, type LiveSession } from "@/lib/auth/live-sessions";
import { env } from "@/lib/env";
import { CHANGES_LIMIT } from "@/lib/feed/queries";
import { watchStoreChanges, type OrderChange } from "@/lib/feed/store-changes";
import { AppError } from "@/lib/http/app-error";
import { logger } from "@/lib/http/logger";
import { encodeFrame, PING_FRAME, REVOKED_FRAME, type FeedStreamEvent } from "@/lib/orders/feed-frames";
import { getOrderRows } from "@/lib/orders/queries";
import { processSingleton } from "@/lib/process-singleton";

// One hub per store with open live feeds in this process (docs/orders-feed.md, "Fan-out"). It reads
// each batch of the store's changes once and writes the same frame bytes to every open stream of the
// store: 1,000 tabs cost one query per change, not 1,000. Every member of a store sees the same feed
// row (nothing in OrderRowDto depends on the role), so one read serves them all. The hub also keeps
// the streams' shared heartbeat, which re-checks every stream's session and membership in one
// query, the recent frames a reconnecting tab replays from memory, and the per-instance caps.

export type FeedSubscriber = LiveSession & {
  /** Writes a frame; the same Uint8Array goes to every stream of the store. */
  write: (bytes: Uint8Array) => void;
  /** Writes `last`, ends the stream and leaves the hub. */
  end: (last?: Uint8Array) => void;
};

type Frame = { id: number; bytes: Uint8Array };
type Timer = ReturnType<typeof setTimeout>;

type Hub = {
  storeId: string;
  subscribers: Set<FeedSubscriber>;
  queued: Map<string, OrderChange["kind"]>;
  batchTimer: Timer | null;
  reading: boolean;
  checking: boolean;
  /** `order` frames sent, oldest first, for reconnects (at most RECENT_MAX, none older than REPLAY_WINDOW_MS). */
  recent: Frame[];
  /** Every change sent after this time (ms, a frame id) is still in `recent`. */
  coveredSince: number;
  lastId: number;
  unwatch: () => void;
  heartbeat: ReturnType<typeof setInterval>;
  linger: Timer | null;
};

/** Changes arriving together are read in one query. */
const BATCH_MS = 25;
/** A reconnect within this long is caught up; older ones re-read (also the DB cursor's window). */
export const REPLAY_WINDOW_MS = 10 * 60_000;
const RECENT_MAX = CHANGES_LIMIT;
/** A hub outlives its last stream by this much, so a lone tab's reconnect (RETRY_MS later) replays from memory. */
const LINGER_MS = 10_000;

// One per process: the caps count every stream the instance holds, whichever bundle opened it, and
// a dev reload must not forget the streams still open.
const state = processSingleton("feedHubs", () => ({ hubs: new Map<string, Hub>(), perUser: new Map<string, number>() }));

/** Throws AppError too_many_requests (with a reason) when one more stream would pass a cap. */
export function assertFeedCapacity(storeId: string, userId: string): void {
  const mine = state.perUser.get(userId) ?? 0;
  if (mine >= env.FEED_STREAMS_PER_USER) {
    throw new AppError(
      "too_many_requests",
      `You have ${mine} live feeds open on this server, the most one person can; this tab checks for new orders every few seconds instead.`,
      { reason: "streams_per_user", limit: env.FEED_STREAMS_PER_USER },
    );
  }
  const open = state.hubs.get(storeId)?.subscribers.size ?? 0;
  if (open >= env.FEED_STREAMS_PER_STORE) {
    throw new AppError(
      "too_many_requests",
      `This store has ${open} live feeds open on this server, the most it can; this tab checks for new orders every few seconds instead.`,
      { reason: "streams_per_store", limit: env.FEED_STREAMS_PER_STORE },
    );
  }
}

/** Adds a stream to its store's hub; call the returned function when the stream ends. */
export function joinFeed(storeId: string, subscriber: FeedSubscriber): () => void {
  const hub = state.hubs.get(storeId) ?? openHub(storeId);
  if (hub.linger) clearTimeout(hub.linger);
  hub.linger = null;
  hub.subscribers.add(subscriber);
  state.perUser.set(subscriber.userId, (state.perUser.get(subscriber.userId) ?? 0) + 1);
  let left = false;
  return () => {
    if (left) return;
    left = true;
    hub.subscribers.delete(subscriber);
    const mine = (state.perUser.get(subscriber.userId) ?? 1) - 1;
    if (mine > 0) state.perUser.set(subscriber.userId, mine);
    else state.perUser.delete(subscriber.userId);
    if (hub.subscribers.size === 0) hub.linger = setTimeout(() => closeHub(hub), LINGER_MS).unref();
  };
}

/**
 * The frames a stream reconnecting with Last-Event-ID `since` missed, from memory; null when this
 * process cannot tell (no hub then, changes dropped since, or a resync in between).
 */
export function recentFrames(storeId: string, since: number): Uint8Array[] | null {
  const hub = state.hubs.get(storeId);
  if (!hub || since < hub.coveredSince) return null;
  return hub.recent.filter((frame) => frame.id > since).map((frame) => frame.bytes);
}

/** A frame id: milliseconds, strictly increasing within the store's hub. */
export function nextFrameId(storeId: string): number {
  const hub = state.hubs.get(storeId);
  if (!hub) return Date.now();
  hub.lastId = Math.max(Date.now(), hub.lastId + 1);
  return hub.lastId;
}

function openHub(storeId: string): Hub {
  const now = Date.now();
  const hub: Hub = {
    storeId,
    subscribers: new Set(),
    queued: new Map(),
    batchTimer: null,
    reading: false,
    checking: false,
    recent: [],
    coveredSince: now,
    lastId: now,
    unwatch: () => {},
    heartbeat: setInterval(() => beat(hub), env.FEED_HEARTBEAT_MS).unref(),
    linger: null,
  };
  state.hubs.set(storeId, hub);
  hub.unwatch = watchStoreChanges(storeId, (change) => onChange(hub, change));
  return hub;
}

function closeHub(hub: Hub): void {
  if (hub.subscribers.size > 0 || state.hubs.get(hub.storeId) !== hub) return;
  state.hubs.delete(hub.storeId);
  hub.unwatch();
  clearInterval(hub.heartbeat);
  if (hub.batchTimer) clearTimeout(hub.batchTimer);
}

function onChange(hub: Hub, change: OrderChange | null): void {
  if (change === null) return broadcast(hub, { event: "resync", data: {} });
  // "created" wins over "updated" for one order within a batch.
  if (hub.queued.get(change.orderId) !== "created") hub.queued.set(change.orderId, change.kind);
  if (!hub.reading) hub.batchTimer ??= setTimeout(() => void flush(hub), BATCH_MS);
}

/** One read for everything queued; what arrives meanwhile waits for the next (a burst is one query). */
async function flush(hub: Hub): Promise<void> {
  hub.batchTimer = null;
  const changes = [...hub.queued];
  hub.queued.clear();
  // Read even while lingering without streams: a reconnect replays `recent`, which must be whole.
  if (changes.length === 0) return;
  if (changes.length > CHANGES_LIMIT) return broadcast(hub, { event: "resync", data: {} });
  hub.reading = true;
  try {
    const rows = await getOrderRows(
      { store: { id: hub.storeId } },
      changes.map(([orderId]) => orderId),
    );
    const kinds = new Map(changes);
    for (const order of rows) broadcast(hub, { event: "order", data: { change: kinds.get(order.id) ?? "updated", order } });
  } catch (error) {
    logger.warn("feed hub: reading changed orders failed", { error });
    broadcast(hub, { event: "resync", data: {} });
  } finally {
    hub.reading = false;
    if (hub.queued.size > 0) hub.batchTimer ??= setTimeout(() => void flush(hub), BATCH_MS);
  }
}

function broadcast(hub: Hub, message: FeedStreamEvent): void {
  const id = nextFrameId(hub.storeId);
  const bytes = encodeFrame(message, id);
  if (message.event === "order") {
    hub.recent.push({ id, bytes });
    const horizon = id - REPLAY_WINDOW_MS;
    while (hub.recent.length > RECENT_MAX || (hub.recent[0] && hub.recent[0].id < horizon)) {
      hub.coveredSince = hub.recent.shift()!.id;
    }
  } else if (message.event === "resync") {
    // A tab reconnecting from before this point must re-read too.
    hub.recent = [];
    hub.coveredSince = id;
  }
  for (const subscriber of hub.subscribers) subscriber.write(bytes);
}

/** The shared heartbeat: a ping to every stream, then every stream's session re-checked in one query. */
function beat(hub: Hub): void {
  for (const subscriber of hub.subscribers) subscriber.write(PING_FRAME);
  void recheck(hub);
}

async function recheck(hub: Hub): Promise<void> {
  if (hub.checking || hub.subscribers.size === 0) return;
  hub.checking = true;
  try {
    const subscribers = [...hub.subscribers];
    const valid = await validLiveSessions(hub.storeId, subscribers);
    for (const subscriber of subscribers) if (!valid.has(liveSessionKey(subscriber))) subscriber.end(REVOKED_FRAME);
  } catch (error) {
    // The next heartbeat tries again; the stream stays open meanwhile rather than dropping every tab.
    logger.warn("feed hub: re-checking sessions failed", { error });
  } finally {
    hub.checking = false;
  }
}
