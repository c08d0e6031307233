"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useReducer } from "react";
import { useLoadMore } from "@/components/feed/use-load-more";
import { useSettleFresh } from "@/components/feed/use-settle-fresh";
import { fetchJson } from "@/lib/http/fetch-json";
import { deliveriesApiUrl } from "@/lib/webhooks/deliveries-url";
import { webhookKeys } from "@/lib/webhooks/keys";
import { deliveriesFeedReducer, type DeliveriesFeedState } from "@/lib/webhooks/feed-list";
import { deliveryPageSchema, type DeliveryFilters } from "@/lib/webhooks/schemas";

// The deliveries feed: the newest page is polled; older pages come from "Load more" and are fetched once
// (a stored delivery never changes). Rows seen in any poll are kept (lib/webhooks/feed-list.ts), so a
// row that slides off the polled page stays on screen. react-query pauses the interval while the tab
// is hidden and refetches when it comes back (refetchOnWindowFocus).

/** Close to "instant" for a person watching, and one cheap indexed query per tab every 2 s. */
export const LIVE_INTERVAL_MS = 2_000;

export function useDeliveriesFeed(storeId: string, filters: DeliveryFilters) {
  const queryClient = useQueryClient();
  const key = JSON.stringify(filters);
  const head = useQuery({
    queryKey: webhookKeys.deliveriesHead(storeId, filters),
    queryFn: ({ signal }) => fetchJson(deliveriesApiUrl(filters), deliveryPageSchema, { signal }),
    refetchInterval: LIVE_INTERVAL_MS,
    staleTime: LIVE_INTERVAL_MS,
  });
  const [state, dispatch] = useReducer(deliveriesFeedReducer, undefined, (): DeliveriesFeedState => ({
    key,
    rows: head.data?.items ?? [],
    tail: head.data?.nextCursor ?? null,
    fresh: new Set(),
    loaded: head.data !== undefined,
  }));

  useEffect(() => {
    if (head.data) dispatch({ type: "head", key, page: head.data });
  }, [head.data, key]);

  useSettleFresh(state.fresh, dispatch);

  const current = state.key === key;
  const { loadMore, loadingMore, loadMoreError } = useLoadMore(
    current ? state.tail : null,
    (cursor) =>
      queryClient.fetchQuery({
        queryKey: webhookKeys.deliveriesPage(storeId, filters, cursor),
        queryFn: ({ signal }) => fetchJson(deliveriesApiUrl(filters, cursor), deliveryPageSchema, { signal }),
        staleTime: Infinity,
      }),
    (page) => dispatch({ type: "older", key, page }),
  );

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
