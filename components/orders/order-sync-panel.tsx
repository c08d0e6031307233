"use client";

import { orderRef } from "@/components/orders/order-ref";
import { SyncLine } from "@/components/orders/sync-line";
import { useStatusChange, type StatusTarget } from "@/components/orders/use-status-change";

/**
 * Under the order page's status stepper: where the last status change is — on its way, at
 * TribeMade, or refused in TribeMade's words with Retry (which queues the same push again).
 */
export function OrderSyncPanel({ storeId, order }: { storeId: string; order: StatusTarget }) {
  const { retry, pending } = useStatusChange(storeId);
  // Nothing changed here yet (version 0, as received): there is no change to report on.
  if (order.version === 0 && order.sync === "synced") return null;
  return (
    <SyncLine
      sync={order.sync}
      syncError={order.syncError}
      retrying={pending.has(order.id)}
      onRetry={() => void retry(order.id, order.version, orderRef(order.tribemadeOrderId))}
    />
  );
}
