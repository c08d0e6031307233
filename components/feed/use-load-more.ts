"use client";

import { useState } from "react";
import { errorMessage } from "@/lib/http/fetch-json";

/** "Load more" for a cursor-paged feed (orders, deliveries): one older page at a time, its error kept. */
export function useLoadMore<Page>(
  cursor: string | null,
  fetchPage: (cursor: string) => Promise<Page>,
  onPage: (page: Page) => void,
) {
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<string | null>(null);

  async function loadMore() {
    if (!cursor || loadingMore) return;
    setLoadingMore(true);
    setLoadMoreError(null);
    try {
      onPage(await fetchPage(cursor));
    } catch (error) {
      setLoadMoreError(errorMessage(error));
    } finally {
      setLoadingMore(false);
    }
  }

  return { loadMore, loadingMore, loadMoreError };
}
