import "server-only";
import type { Member } from "@/lib/auth/require-member";
import { CHANGES_LIMIT, readStoreChanges } from "@/lib/feed/queries";
import { liveMode, watchStoreChanges, type OrderChange } from "@/lib/feed/store-changes";
import { logger } from "@/lib/http/logger";
import { getOrderRows } from "@/lib/orders/queries";
import type { FeedOrderEvent } from "@/lib/orders/schemas";

// The live feed as server-sent events (GET /api/orders/stream). Per open tab: the store's changes
// (lib/feed/store-changes.ts) become `order` events carrying the changed rows, read with the
// member's scope. The stream ends by itself before a serverless function's time limit and the
// browser's EventSource reconnects (`retry`), sending Last-Event-ID: what changed in between is
// replayed from the change cursor, or the browser is told to re-read (`resync`).
//
// Events:  ready  {mode, at}            once, first
//          order  {change, order}       a new (created) or changed (updated) order, as a feed row
//          resync {}                    re-read the list: changes may have been missed
//          bye    {}                    the stream is ending on purpose; the browser reconnects
// plus a `: ping` comment every HEARTBEAT_MS so proxies keep the connection open.

/** Vercel's default function limit is 300 s; end well inside it (docs/orders-feed.md). */
export const STREAM_MAX_MS = 240_000;
export const HEARTBEAT_MS = 15_000;
/** EventSource waits this long before reconnecting after the stream ends. */
export const RETRY_MS = 1_000;
/** Changes arriving together are read in one query. */
const BATCH_MS = 25;
/** A reconnect within this long is caught up from the change cursor; older ones re-read. */
const REPLAY_WINDOW_MS = 10 * 60_000;
/** Replay reaches back this far before the last event id (clock skew, late commits). */
const REPLAY_LOOKBACK_MS = 5_000;

export type FeedStreamEvent =
  | { event: "ready"; data: { mode: "listen" | "poll"; at: string } }
  | { event: "order"; data: FeedOrderEvent }
  | { event: "resync"; data: Record<string, never> }
  | { event: "bye"; data: Record<string, never> };

export type FeedStreamOptions = {
  /** The Last-Event-ID header (a millisecond timestamp this stream sent), if reconnecting. */
  lastEventId?: string | null;
  /** End after this long (capped at STREAM_MAX_MS). */
  maxMs?: number;
  /** The request's signal: the browser went away. */
  signal?: AbortSignal;
};

const encoder = new TextEncoder();

function frame(message: FeedStreamEvent, id?: number): Uint8Array {
  const lines = [`event: ${message.event}`, `data: ${JSON.stringify(message.data)}`];
  if (id !== undefined) lines.unshift(`id: ${id}`);
  return encoder.encode(`${lines.join("\n")}\n\n`);
}

export function openFeedStream(member: Member, options: FeedStreamOptions = {}): ReadableStream<Uint8Array> {
  const maxMs = Math.min(options.maxMs ?? STREAM_MAX_MS, STREAM_MAX_MS);
  let cleanup = () => {};

  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const queued = new Map<string, OrderChange["kind"]>();
      let batchTimer: ReturnType<typeof setTimeout> | null = null;

      const send = (message: FeedStreamEvent, id?: number) => {
        if (!closed) controller.enqueue(frame(message, id));
      };
      const close = () => {
        if (closed) return;
        closed = true;
        cleanup();
        controller.close();
      };

      const flush = async () => {
        batchTimer = null;
        const changes = [...queued];
        queued.clear();
        try {
          const rows = await getOrderRows(
            member,
            changes.map(([orderId]) => orderId),
          );
          const kinds = new Map(changes);
          for (const order of rows)
            send({ event: "order", data: { change: kinds.get(order.id) ?? "updated", order } }, Date.now());
        } catch (error) {
          logger.warn("feed stream: reading changed orders failed", { error });
          send({ event: "resync", data: {} }, Date.now());
        }
      };
      const onChange = (change: OrderChange | null) => {
        if (closed) return;
        if (change === null) return send({ event: "resync", data: {} }, Date.now());
        // "created" wins over "updated" for one order within a batch.
        if (queued.get(change.orderId) !== "created") queued.set(change.orderId, change.kind);
        batchTimer ??= setTimeout(() => void flush(), BATCH_MS);
      };

      const unwatch = watchStoreChanges(member.store.id, onChange);
      const heartbeat = setInterval(() => {
        if (!closed) controller.enqueue(encoder.encode(": ping\n\n"));
      }, HEARTBEAT_MS);
      const ending = setTimeout(() => {
        send({ event: "bye", data: {} });
        close();
      }, maxMs);
      const onAbort = () => close();
      options.signal?.addEventListener("abort", onAbort);
      cleanup = () => {
        unwatch();
        clearInterval(heartbeat);
        clearTimeout(ending);
        if (batchTimer) clearTimeout(batchTimer);
        options.signal?.removeEventListener("abort", onAbort);
      };

      controller.enqueue(encoder.encode(`retry: ${RETRY_MS}\n\n`));
      send({ event: "ready", data: { mode: liveMode(), at: new Date().toISOString() } }, Date.now());
      void replay(member.store.id, options.lastEventId, onChange);
    },
    cancel() {
      cleanup();
    },
  });
}

/** After a reconnect: the changes since the last event the browser saw, or a resync. */
async function replay(storeId: string, lastEventId: string | null | undefined, onChange: (change: OrderChange | null) => void) {
  if (!lastEventId) return;
  const last = Number(lastEventId);
  if (!Number.isFinite(last) || Date.now() - last > REPLAY_WINDOW_MS) return onChange(null);
  try {
    const changes = await readStoreChanges(storeId, new Date(last - REPLAY_LOOKBACK_MS));
    if (changes.length >= CHANGES_LIMIT) return onChange(null);
    for (const change of changes)
      onChange({
        orderId: change.orderId,
        kind: change.type === "received" || change.type === "added_by_id" ? "created" : "updated",
      });
  } catch (error) {
    logger.warn("feed stream: replay failed", { error });
    onChange(null);
  }
}
