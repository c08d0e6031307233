import "server-only";
import { applyStoreRule } from "@/lib/orders/mutations";
import { fetchOrder } from "@/lib/orders/outbox/fetch-order";
import { pushStatus, pushStatusGaveUp } from "@/lib/orders/outbox/push-status";
import { refreshOrder } from "@/lib/orders/outbox/refresh-order";
import { scheduleRefreshes } from "@/lib/orders/outbox/refresh-scheduler";
import { verifyOrder } from "@/lib/orders/outbox/verify-order";
import type { OutboxContribution } from "@/lib/outbox/registry";

// The orders domain's part of the outbox (lib/outbox/registry.ts, registered by
// lib/wiring/outbox-handlers.ts): verifying, pushing and refreshing orders, adding a missing one by id, the store rule that follows a
// verification, and the refresh schedule every drain tops up.

export const ORDERS_OUTBOX: OutboxContribution = {
  handlers: {
    verify_order: { handle: verifyOrder },
    push_status: { handle: pushStatus, giveUp: pushStatusGaveUp },
    refresh_order: { handle: refreshOrder },
    fetch_order: { handle: fetchOrder },
  },
  // Stores with the rule "mark new orders processing": orders TribeMade just confirmed (the drain
  // tells the feed about them next). Their pushes are due at once.
  afterBatch: async (events) => {
    await applyStoreRule(events.filter((event) => event.type === "verified"));
  },
  housekeeping: async (storeId, config) => ({ scheduled: await scheduleRefreshes(storeId, config.budget) }),
};
