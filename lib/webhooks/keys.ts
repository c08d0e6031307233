import type { DeliveryFilters } from "@/lib/webhooks/schemas";

// React-query keys for the webhooks inspector (docs/code-style.md §15: keys only from here). Every key
// carries the store id, so switching stores never shows another store's cached rows.

const root = ["webhooks"] as const;

export const webhookKeys = {
  all: root,
  store: (storeId: string) => [...root, storeId] as const,
  /** The polled newest page of a filtered list. */
  deliveriesHead: (storeId: string, filters: DeliveryFilters) => [...root, storeId, "deliveries", "head", filters] as const,
  /** An older page, fetched once by "Load more" (deliveries never change after they are stored). */
  deliveriesPage: (storeId: string, filters: DeliveryFilters, cursor: string) =>
    [...root, storeId, "deliveries", "page", filters, cursor] as const,
  delivery: (storeId: string, deliveryId: string) => [...root, storeId, "delivery", deliveryId] as const,
  metrics: (storeId: string) => [...root, storeId, "metrics"] as const,
};
