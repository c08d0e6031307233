// React-query keys for the orders pages (house style 15: keys only from here). Every key carries
// the store id, so switching stores never shows another store's cached orders.

const root = ["orders"] as const;

export const orderKeys = {
  all: root,
  store: (storeId: string) => [...root, storeId] as const,
  /** The quota meter and bulk ETA: TribeMade's status budget and the pushes queued. */
  statusBudget: (storeId: string) => [...root, storeId, "status-budget"] as const,
  /** Sync progress of orders just changed (a click or a bulk action). */
  syncStates: (storeId: string, ids: readonly string[]) => [...root, storeId, "sync-states", ids] as const,
};
