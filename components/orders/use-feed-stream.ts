"use client";

import { useEffect, useRef, useState } from "react";
import { feedOrderEventSchema, type OrderRowDto } from "@/lib/orders/schemas";

// The browser end of GET /api/orders/stream (lib/orders/feed-stream.ts): one EventSource per page,
// which reconnects by itself (the server ends each stream after a few minutes and says how soon to
// come back; Last-Event-ID lets it catch up). The feed and the order page both listen. A stream
// the server refuses (429 past the per-user or per-store cap, 401/403) or revokes (`revoked`: the
// session or membership ended) leaves the page polling, quietly; a refused one is tried again a
// few minutes later, when other tabs may have closed.

export type StreamStatus =
  /** Opening the first connection. */
  | "connecting"
  /** Connected; changes arrive within a second. */
  | "live"
  /** Lost; EventSource is retrying. The page falls back to polling meanwhile. */
  | "reconnecting"
  /** Refused (signed out, too many open streams), revoked or unsupported; the page polls. */
  | "closed";

export type FeedUpdate =
  | { type: "order"; change: "created" | "updated"; order: OrderRowDto }
  /** Changes may have been missed: re-read everything shown. */
  | { type: "resync" };

export const STREAM_URL = "/api/orders/stream";
/** After a refusal (EventSource gives up on a non-200 answer), open a new stream this much later. */
const REOPEN_AFTER_REFUSAL_MS = 3 * 60_000;

export function useFeedStream(onEvent: (event: FeedUpdate) => void): StreamStatus {
  const [status, setStatus] = useState<StreamStatus>("connecting");
  // The latest handler, without reopening the connection when it changes.
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  }, [onEvent]);

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    let source: EventSource | null = null;
    let reopen: ReturnType<typeof setTimeout> | null = null;
    const open = () => {
      reopen = null;
      const current = new EventSource(STREAM_URL);
      source = current;
      // The server ends each stream on purpose ("bye") and replays what changed from Last-Event-ID on
      // the reconnect; an unplanned loss makes the page re-read, and so does the first connection:
      // the page's rows were read before it (server render), and an order that arrived in between
      // would otherwise wait for the next poll.
      let planned = false;
      current.addEventListener("ready", () => {
        if (!planned) handler.current({ type: "resync" });
        planned = false;
        setStatus("live");
      });
      current.addEventListener("bye", () => {
        planned = true;
      });
      current.addEventListener("order", (message) => {
        // A frame this page cannot read (a deploy changed the shape) still says something changed.
        const parsed = feedOrderEventSchema.safeParse(parseJson((message as MessageEvent<string>).data));
        handler.current(parsed.success ? { type: "order", ...parsed.data } : { type: "resync" });
      });
      current.addEventListener("resync", () => handler.current({ type: "resync" }));
      // Signed out everywhere or removed from the store: stop; the page's own reads say why.
      current.addEventListener("revoked", () => {
        current.close();
        setStatus("closed");
        handler.current({ type: "resync" });
      });
      current.addEventListener("error", () => {
        if (current.readyState === EventSource.CLOSED) {
          setStatus("closed");
          reopen = setTimeout(open, REOPEN_AFTER_REFUSAL_MS);
        } else if (!planned) setStatus("reconnecting");
      });
    };
    open();
    return () => {
      if (reopen) clearTimeout(reopen);
      source?.close();
    };
  }, []);

  // A browser without EventSource (none current) polls; the page says so.
  return typeof window !== "undefined" && typeof EventSource === "undefined" ? "closed" : status;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
