"use client";

import type { OrderDetailDto } from "@/lib/orders/schemas";

// The order page's actions area (the page header's right side): the status buttons, dispatch with
// tracking, cancel, undo and retry belong here (issue 9's write side fills this in). It receives the
// order as the page shows it, live: `status`, `version` (send it back for optimistic concurrency),
// `sync`/`syncError`, `trackingUrl`. Rendering nothing keeps the read-only page complete meanwhile.

export function OrderActions({ order: _order }: { order: OrderDetailDto }) {
  return null;
}
