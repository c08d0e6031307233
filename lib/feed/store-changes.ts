import "server-only";
import { FEED_CHANNEL, type FeedEvent } from "@/lib/feed/notify";
import { CHANGES_LIMIT, databaseNow, readStoreChanges } from "@/lib/feed/queries";
import { logger } from "@/lib/http/logger";
import { listenUrl, subscribe } from "@/lib/pg-listen";
import { processSingleton } from "@/lib/process-singleton";

// Which orders of a store changed, for every open live feed in this process: one watcher per store,
// however many tabs watch it. Two sources, one output:
// - NOTIFY on `tribedesk_feed` (lib/feed/notify.ts) through the process's one LISTEN connection
//   (lib/pg-listen.ts): a new order reaches the stream within milliseconds of the ingest commit.
// - A poll of the store's change cursor (OrderEvent (storeId, createdAt) index): every second when
//   LISTEN is unavailable (a transaction pooler), every 15 s beside LISTEN as a safety net for a
//   notification lost in a reconnect. Overlapping reads are de-duplicated by event id.
// When LISTEN (re)connects, notifications sent while it was down are gone: the watcher reads the
// change cursor at once instead (a catch-up, not a re-read in every browser). Handlers get null only
// when changes may really have been missed (a burst beyond one read): the streams then tell the
// browsers to re-read their lists.

export type OrderChange = { orderId: string; kind: "created" | "updated" };
type Handler = (change: OrderChange | null) => void;

export const POLL_MS = 1_000;
const SAFETY_POLL_MS = 15_000;
/** Reads reach back this far: a transaction stamps createdAt when it starts, not when it commits. */
const LOOKBACK_MS = 5_000;

type Watcher = {
  handlers: Set<Handler>;
  since: Date | null;
  /** Event ids already passed on, with their createdAt (dropped once older than the look-back). */
  seen: Map<string, number>;
  timer: ReturnType<typeof setTimeout> | null;
  unlisten: (() => void) | null;
  polling: boolean;
  /** A catch-up was asked for while a poll was running: poll again when it ends. */
  again: boolean;
};

const watchers = processSingleton("feedWatchers", () => new Map<string, Watcher>());

/** Whether new orders arrive by NOTIFY here (else by the 1 s poll); shown to the browser. */
export function liveMode(): "listen" | "poll" {
  return listenUrl() ? "listen" : "poll";
}

/** Calls `handler` for each change to the store's orders until the returned function is called. */
export function watchStoreChanges(storeId: string, handler: Handler): () => void {
  let watcher = watchers.get(storeId);
  if (!watcher) {
    watcher = { handlers: new Set(), since: null, seen: new Map(), timer: null, unlisten: null, polling: false, again: false };
    watchers.set(storeId, watcher);
    start(storeId, watcher);
  }
  watcher.handlers.add(handler);
  return () => {
    const current = watchers.get(storeId);
    if (!current) return;
    current.handlers.delete(handler);
    if (current.handlers.size > 0) return;
    watchers.delete(storeId);
    if (current.timer) clearTimeout(current.timer);
    current.unlisten?.();
  };
}

function start(storeId: string, watcher: Watcher): void {
  // Subscribing without a LISTEN URL is harmless (nothing connects); the poll below covers it.
  watcher.unlisten = subscribe(FEED_CHANNEL, (payload) => {
    if (payload === null) return void poll(storeId, watcher);
    const change = readNotification(storeId, payload);
    if (change) emit(watcher, change);
  });
  // The mode is read on every tick: LISTEN can turn out to be unavailable at run time.
  const tick = async () => {
    await poll(storeId, watcher);
    if (watchers.get(storeId) === watcher) {
      watcher.timer = setTimeout(() => void tick(), liveMode() === "listen" ? SAFETY_POLL_MS : POLL_MS);
    }
  };
  void tick();
}

function readNotification(storeId: string, payload: string): OrderChange | null {
  let event: FeedEvent;
  try {
    event = JSON.parse(payload) as FeedEvent;
  } catch {
    return null;
  }
  if (event.storeId !== storeId || !event.orderId) return null;
  if (event.type === "delivery") return { orderId: event.orderId, kind: event.outcome === "accepted" ? "created" : "updated" };
  if (event.type === "order") return { orderId: event.orderId, kind: "updated" };
  return null;
}

async function poll(storeId: string, watcher: Watcher): Promise<void> {
  if (watcher.polling) {
    watcher.again = true;
    return;
  }
  watcher.polling = true;
  watcher.again = false;
  try {
    if (!watcher.since) {
      // The first read only sets the cursor: the stream already sent what the browser must re-read.
      watcher.since = await databaseNow();
      return;
    }
    const changes = await readStoreChanges(storeId, new Date(watcher.since.getTime() - LOOKBACK_MS));
    for (const change of changes) {
      if (watcher.seen.has(change.eventId)) continue;
      watcher.seen.set(change.eventId, change.at.getTime());
      emit(watcher, { orderId: change.orderId, kind: change.type === "received" ? "created" : "updated" });
      if (change.at > watcher.since) watcher.since = change.at;
    }
    // Ids older than the look-back can no longer be read again.
    const horizon = watcher.since.getTime() - LOOKBACK_MS;
    for (const [id, at] of watcher.seen) if (at < horizon) watcher.seen.delete(id);
    // A full read may have left changes behind: let the browsers re-read rather than miss them.
    if (changes.length >= CHANGES_LIMIT) emit(watcher, null);
  } catch (error) {
    logger.warn("feed poll failed", { error });
  } finally {
    watcher.polling = false;
    if (watcher.again && watchers.get(storeId) === watcher) void poll(storeId, watcher);
  }
}

function emit(watcher: Watcher, change: OrderChange | null): void {
  for (const handler of watcher.handlers) {
    try {
      handler(change);
    } catch (error) {
      logger.error("feed watcher: handler failed", { error });
    }
  }
}
