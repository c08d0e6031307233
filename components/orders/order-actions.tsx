"use client";

import { StatusActions } from "@/components/orders/status-actions";
import type { OrderDetailDto } from "@/lib/orders/schemas";

// The order page's actions area (the page header's right side): the status buttons with dispatch
// (tracking link or AWB) and cancel, and the quota meter. It receives the order as the page shows
// it, live; a click updates that same cached order at once (optimistic) and the page follows.

export function OrderActions({ storeId, order }: { storeId: string; order: OrderDetailDto }) {
  return <StatusActions storeId={storeId} order={order} />;
}
