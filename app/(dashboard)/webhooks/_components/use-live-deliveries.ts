"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useReducer, useState } from "react";
import type { DeliveryFilters, DeliveryPageDto, DeliveryRowDto } from "@/lib/webhooks/schemas";
import { webhookKeys } from "@/lib/webhooks/keys";
import { deliveriesApiUrl } from "./deliveries-url";
import { errorMessage, fetchJson } from "./fetch-json";

// The live list: the newest page is polled; older pages come from "Load more" and are fetched once
// (a stored delivery never changes). Rows seen in any poll are kept, so a row that slides off the
// polled page stays on screen. react-query pauses the interval while the tab is hidden and refetches
// when it comes back (refetchOnWindowFocus).

/** Close to "instant" for a person watching, and one cheap indexed query per tab every 2 s. */
export const LIVE_INTERVAL_MS = 2_000;
/** How long a new row stays highlighted. */
const FRESH_MS = 4_000;

export type LiveListState = {
  key: string;
  rows: DeliveryRowDto[];
  /** Where "Load more" continues; null when the oldest row is loaded. */
  tail: string | null;
  fresh: Set<string>;
  /** A first page has arrived for this key: rows after it are "new". */
  loaded: boolean;
};

export type LiveListAction =
  | { type: "head"; key: string; page: DeliveryPageDto }
  | { type: "older"; key: string; page: DeliveryPageDto }
  | { type: "settle"; ids: string[] };

const byNewest = (a: DeliveryRowDto, b: DeliveryRowDto) =>
  a.receivedAt === b.receivedAt ? (a.id < b.id ? 1 : -1) : a.receivedAt < b.receivedAt ? 1 : -1;

function merge(rows: DeliveryRowDto[], more: DeliveryRowDto[]): DeliveryRowDto[] {
  const known = new Set(rows.map((row) => row.id));
  return [...rows, ...more.filter((row) => !known.has(row.id))].sort(byNewest);
}

/** Exported for its unit test. */
export function liveListReducer(state: LiveListState, action: LiveListAction): LiveListState {
  if (action.type === "settle") {
    const fresh = new Set(state.fresh);
    for (const id of action.ids) fresh.delete(id);
    return { ...state, fresh };
  }
  const { key, page } = action;
  if (key !== state.key || !state.loaded) return { key, rows: page.items, tail: page.nextCursor, fresh: new Set(), loaded: true };
  if (action.type === "older") return { ...state, rows: merge(state.rows, page.items), tail: page.nextCursor };

  const known = new Set(state.rows.map((row) => row.id));
  const added = page.items.filter((row) => !known.has(row.id));
  // More new rows than one page arrived between two polls: the rows in between are unknown, so
  // start over from this page rather than show a list with a hole in it.
  if (state.rows.length > 0 && added.length === page.items.length && page.nextCursor) {
    return { key, rows: page.items, tail: page.nextCursor, fresh: new Set(added.map((row) => row.id)), loaded: true };
  }
  if (added.length === 0) return state;
  const fresh = new Set(state.fresh);
  for (const row of added) fresh.add(row.id);
  return { ...state, rows: merge(state.rows, added), fresh };
}

export function useLiveDeliveries(storeId: string, filters: DeliveryFilters) {
  const queryClient = useQueryClient();
  const key = JSON.stringify(filters);
  const head = useQuery({
    queryKey: webhookKeys.deliveriesHead(storeId, filters),
    queryFn: ({ signal }) => fetchJson<DeliveryPageDto>(deliveriesApiUrl(filters), signal),
    refetchInterval: LIVE_INTERVAL_MS,
    staleTime: LIVE_INTERVAL_MS,
  });
  const [state, dispatch] = useReducer(liveListReducer, undefined, (): LiveListState => ({
    key,
    rows: head.data?.items ?? [],
    tail: head.data?.nextCursor ?? null,
    fresh: new Set(),
    loaded: head.data !== undefined,
  }));

  useEffect(() => {
    if (head.data) dispatch({ type: "head", key, page: head.data });
  }, [head.data, key]);

  useEffect(() => {
    if (state.fresh.size === 0) return;
    const ids = [...state.fresh];
    const timer = setTimeout(() => dispatch({ type: "settle", ids }), FRESH_MS);
    return () => clearTimeout(timer);
  }, [state.fresh]);

  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<string | null>(null);
  const current = state.key === key;

  async function loadMore() {
    const cursor = current ? state.tail : null;
    if (!cursor || loadingMore) return;
    setLoadingMore(true);
    setLoadMoreError(null);
    try {
      const page = await queryClient.fetchQuery({
        queryKey: webhookKeys.deliveriesPage(storeId, filters, cursor),
        queryFn: ({ signal }) => fetchJson<DeliveryPageDto>(deliveriesApiUrl(filters, cursor), signal),
        staleTime: Infinity,
      });
      dispatch({ type: "older", key, page });
    } catch (error) {
      setLoadMoreError(errorMessage(error));
    } finally {
      setLoadingMore(false);
    }
  }

  return {
    rows: current ? state.rows : (head.data?.items ?? []),
    fresh: current ? state.fresh : new Set<string>(),
    hasMore: current ? state.tail !== null : Boolean(head.data?.nextCursor),
    loadMore,
    loadingMore,
    loadMoreError,
    /** Nothing to show yet (first load for these filters). */
    pending: head.isPending,
    /** Refetching after a filter change, with the previous rows on screen. */
    fetching: head.isFetching,
    error: head.error,
    /** The last poll failed but earlier data is shown. */
    stale: head.isError && head.data !== undefined,
    retry: () => void head.refetch(),
  };
}
