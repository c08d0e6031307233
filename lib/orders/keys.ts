import type { OrderFilters } from "@/lib/orders/schemas";

// React-query keys for the orders feed and the order page (docs/code-style.md §15: keys only from here).
// Every key carries the store id, so switching stores never shows another store's cached orders.
// The status buttons (lib/orders/actions.ts) update and invalidate these same keys.

const root = ["orders"] as const;

export const orderKeys = {
  all: root,
  store: (storeId: string) => [...root, storeId] as const,
  /** Every list query of the store (heads, older pages, counts), for invalidation after a change. */
  lists: (storeId: string) => [...root, storeId, "list"] as const,
  /** The live newest page of a filtered feed. */
  head: (storeId: string, filters: OrderFilters) => [...root, storeId, "list", "head", filters] as const,
  /** An older page, fetched by "Load more". */
  page: (storeId: string, filters: OrderFilters, cursor: string) => [...root, storeId, "list", "page", filters, cursor] as const,
  /** Open-status counts for the tabs under a filter. */
  counts: (storeId: string, filters: OrderFilters) => [...root, storeId, "list", "counts", filters] as const,
  glance: (storeId: string) => [...root, storeId, "glance"] as const,
  detail: (storeId: string, orderId: string) => [...root, storeId, "detail", orderId] as const,
  /** The quota meter and bulk ETA: TribeMade's status budget and the pushes queued. */
  statusBudget: (storeId: string) => [...root, storeId, "status-budget"] as const,
  /** Sync progress of orders just changed (a click or a bulk action). */
  syncStates: (storeId: string, ids: readonly string[]) => [...root, storeId, "sync-states", ids] as const,
};
