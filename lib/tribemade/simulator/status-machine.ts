// The order status machine (docs/tribemade-api.md §5, ambiguities A6/A7). Error bodies for refused
// transitions are undocumented; these strings are ours. Choices:
// - only adjacent forward moves plus cancel from any non-final state (no skipping);
// - delivered and cancelled are final;
// - setting the current status again is refused (400), because TribeMade emails the customer on
//   every change and a repeat would be a second email for nothing; callers that retry after a lost
//   answer should GET the order and see the status already holds.

import { ORDER_STATUSES, type OrderStatus } from "./types";

export const NEXT_STATUSES: Record<OrderStatus, readonly OrderStatus[]> = {
  started: ["processing", "cancelled"],
  processing: ["dispatched", "cancelled"],
  dispatched: ["delivered", "cancelled"],
  delivered: [],
  cancelled: [],
};

export const SETTABLE_STATUSES = ["processing", "dispatched", "cancelled", "delivered"] as const;

export function isOrderStatus(value: unknown): value is OrderStatus {
  return typeof value === "string" && (ORDER_STATUSES as readonly string[]).includes(value);
}

export type TransitionCheck = { ok: true } | { ok: false; error: string };

export function checkTransition(from: OrderStatus, to: unknown): TransitionCheck {
  if (to === "started") return { ok: false, error: "Status cannot be set to started" };
  if (!isOrderStatus(to)) return { ok: false, error: `Invalid status. Must be one of: ${SETTABLE_STATUSES.join(", ")}` };
  if (NEXT_STATUSES[from].length === 0) return { ok: false, error: `Order is already ${from} and cannot be changed` };
  if (from === to) return { ok: false, error: `Order is already ${from}` };
  if (!NEXT_STATUSES[from].includes(to)) return { ok: false, error: `Cannot change order status from ${from} to ${to}` };
  return { ok: true };
}
