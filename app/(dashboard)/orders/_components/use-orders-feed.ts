"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { useFeedStream, type FeedUpdate } from "@/components/orders/use-feed-stream";
import { useLoadMore } from "@/components/feed/use-load-more";
import { useSettleFresh } from "@/components/feed/use-settle-fresh";
import { fetchJson } from "@/lib/http/fetch-json";
import { orderKeys } from "@/lib/orders/keys";
import { emptyOrdersFeed, matchesFilters, ordersFeedReducer } from "@/lib/orders/feed-list";
import { orderCountsUrl, ordersApiUrl } from "@/lib/orders/orders-url";
import { orderCountsSchema, orderGlanceSchema, orderPageSchema, type OrderFilters, type OrderRowDto } from "@/lib/orders/schemas";

// The live feed: the newest page (react-query, hydrated from the server render), re-read whenever
// the stream says a new order arrived; changed orders patched in place from the stream's row; older
// pages by "Load more". Without a stream (reconnecting, or refused) the newest page is polled.
// New rows wait behind the "N new orders" pill while the merchant has scrolled away.

/** Polling while the stream is down (the inspector's pace); with a stream it is only a safety net. */
const POLL_MS = 2_000;
const SAFETY_POLL_MS = 60_000;
/** Orders arriving together are fetched in one page read. */
const HEAD_DEBOUNCE_MS = 100;
/** Counts and the glance follow changes at a calmer pace. */
const SUMMARY_DEBOUNCE_MS = 750;
/** Below this scroll offset the merchant is "at the top" and sees new rows arrive. */
const TOP_PX = 120;
/** An order older than this is not announced as new (a reconnect replaying history). */
const ANNOUNCE_WITHIN_MS = 10 * 60_000;

function useDebounced(fn: () => void, ms: number): () => void {
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(fn);
  useEffect(() => {
    latest.current = fn;
  }, [fn]);
  useEffect(() => () => clearTimeout(timer.current), []);
  return useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => latest.current(), ms);
  }, [ms]);
}

export function useOrdersFeed(storeId: string, filters: OrderFilters, announce: (order: OrderRowDto) => void) {
  const queryClient = useQueryClient();
  const key = JSON.stringify(filters);
  const { status: _status, ...countFilters } = filters;

  const [atTop, setAtTop] = useState(true);
  const atTopRef = useRef(true);
  const [state, dispatch] = useReducer(ordersFeedReducer, key, emptyOrdersFeed);
  const known = useRef(new Set<string>());
  const announced = useRef(new Set<string>());
  const streamRef = useRef<"live" | "other">("other");

  const head = useQuery({
    queryKey: orderKeys.head(storeId, filters),
    queryFn: ({ signal }) => fetchJson(ordersApiUrl(filters), orderPageSchema, { signal }),
    refetchInterval: () => (streamRef.current === "live" ? SAFETY_POLL_MS : POLL_MS),
    staleTime: 2_000,
  });
  const counts = useQuery({
    queryKey: orderKeys.counts(storeId, countFilters),
    queryFn: ({ signal }) => fetchJson(orderCountsUrl(countFilters), orderCountsSchema, { signal }),
    staleTime: 5_000,
  });
  const glance = useQuery({
    queryKey: orderKeys.glance(storeId),
    queryFn: ({ signal }) => fetchJson("/api/orders/glance", orderGlanceSchema, { signal }),
    staleTime: 5_000,
  });

  useEffect(() => {
    if (head.data) dispatch({ type: "head", key, page: head.data, hold: !atTopRef.current });
  }, [head.data, key]);

  useEffect(() => {
    for (const row of state.rows) known.current.add(row.id);
    for (const row of state.held) known.current.add(row.id);
  }, [state.rows, state.held]);

  useSettleFresh(state.fresh, dispatch);

  // Scrolled back to the top: show what was held.
  useEffect(() => {
    const onScroll = () => {
      const top = window.scrollY < TOP_PX;
      atTopRef.current = top;
      setAtTop(top);
      if (top) dispatch({ type: "release" });
    };
    onScroll();
    window.addEventListener("scroll", onScroll, { passive: true });
    return () => window.removeEventListener("scroll", onScroll);
  }, []);

  const refetchHead = useDebounced(
    () => void queryClient.invalidateQueries({ queryKey: orderKeys.head(storeId, filters) }),
    HEAD_DEBOUNCE_MS,
  );
  const refetchSummary = useDebounced(() => {
    void queryClient.invalidateQueries({ queryKey: orderKeys.lists(storeId) });
    void queryClient.invalidateQueries({ queryKey: orderKeys.glance(storeId) });
  }, SUMMARY_DEBOUNCE_MS);

  const onStream = useCallback(
    (event: FeedUpdate) => {
      if (event.type === "resync") {
        refetchSummary();
        refetchHead();
        return;
      }
      const { order } = event;
      // Whichever page is open, the order page's cache must not show the old state either.
      void queryClient.invalidateQueries({ queryKey: orderKeys.detail(storeId, order.id) });
      if (event.change === "created" && !known.current.has(order.id) && !announced.current.has(order.id)) {
        announced.current.add(order.id);
        if (Date.now() - Date.parse(order.receivedAt) < ANNOUNCE_WITHIN_MS) announce(order);
        // The row is in the event: show it now when the filters surely match; a search needs the server.
        const match = matchesFilters(order, filters);
        if (match === true) dispatch({ type: "arrived", key, order, hold: !atTopRef.current });
        else if (match === null) refetchHead();
      } else {
        dispatch({ type: "patch", order });
      }
      refetchSummary();
    },
    [announce, dispatch, filters, key, queryClient, refetchHead, refetchSummary, storeId],
  );
  const stream = useFeedStream(onStream);
  useEffect(() => {
    streamRef.current = stream === "live" ? "live" : "other";
  }, [stream]);

  const current = state.key === key && state.loaded;
  const { loadMore, loadingMore, loadMoreError } = useLoadMore(
    current ? state.tail : null,
    (cursor) =>
      queryClient.fetchQuery({
        queryKey: orderKeys.page(storeId, filters, cursor),
        queryFn: ({ signal }) => fetchJson(ordersApiUrl(filters, cursor), orderPageSchema, { signal }),
        staleTime: 30_000,
      }),
    (page) => dispatch({ type: "older", key, page }),
  );

  const showNew = () => {
    dispatch({ type: "release" });
    window.scrollTo({ top: 0, behavior: "smooth" });
  };

  return {
    rows: current ? state.rows : (head.data?.items ?? []),
    fresh: current ? state.fresh : new Set<string>(),
    held: current ? state.held.length : 0,
    showNew,
    atTop,
    hasMore: current ? state.tail !== null : Boolean(head.data?.nextCursor),
    loadMore,
    loadingMore,
    loadMoreError,
    counts: counts.data ?? null,
    glance: glance.data ?? null,
    glanceError: glance.error,
    stream,
    /** Nothing to show yet (first load for these filters). */
    pending: head.isPending,
    /** Refetching after a filter change, with the previous rows on screen. */
    fetching: head.isFetching,
    error: head.error,
    /** The last read failed but earlier data is shown. */
    stale: head.isError && head.data !== undefined,
    retry: () => void head.refetch(),
  };
}
