"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { orderKeys } from "@/lib/orders/keys";
import { findOrderIn, patchOrderIn, type OrderPatch } from "@/lib/orders/patch-order";

/** Patch one order in every cached orders query (feed pages, order page, searches) at once. */
export function useOrderCache() {
  const queryClient = useQueryClient();
  const patch = useCallback(
    (orderId: string, change: OrderPatch) => {
      queryClient.setQueriesData({ queryKey: orderKeys.all }, (data: unknown) => patchOrderIn(data, orderId, change));
    },
    [queryClient],
  );
  /** The order's fields as cached now, to roll an optimistic change back. */
  const read = useCallback(
    (orderId: string): OrderPatch | null => {
      for (const [, data] of queryClient.getQueriesData({ queryKey: orderKeys.all })) {
        const found = findOrderIn(data, orderId);
        if (found) {
          const { status, version, sync, syncError, trackingUrl } = found as OrderPatch;
          return { status, version, sync, syncError, trackingUrl };
        }
      }
      return null;
    },
    [queryClient],
  );
  const refetch = useCallback(() => queryClient.invalidateQueries({ queryKey: orderKeys.all }), [queryClient]);
  return { patch, read, refetch };
}
