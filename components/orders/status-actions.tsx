"use client";

import { Ban, PackageCheck, PackageOpen, Truck } from "lucide-react";
import { useState, type ReactNode } from "react";
import { CancelConfirm } from "@/components/orders/cancel-confirm";
import { DispatchDialog } from "@/components/orders/dispatch-dialog";
import { orderRef } from "@/components/orders/order-ref";
import { QuotaMeter } from "@/components/orders/quota-meter";
import { SyncLine } from "@/components/orders/sync-line";
import { useStatusChange, type StatusTarget } from "@/components/orders/use-status-change";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { allowedTransitions, isFinal, transitionVerb, type OrderStatus, type TargetStatus } from "@/lib/orders/transitions";

const ICONS: Record<TargetStatus, ReactNode> = {
  processing: <PackageOpen />,
  dispatched: <Truck />,
  delivered: <PackageCheck />,
  cancelled: <Ban />,
};

export type StatusActionsProps = {
  storeId: string;
  order: StatusTarget;
  className?: string;
};

/**
 * The order page's status buttons: only the moves TribeMade allows from the order's status (the
 * forward step first, cancel last), the dispatch dialog and the cancel confirmation, where the last
 * change is (sending, at TribeMade, refused with Retry), and the store's status budget.
 */
export function StatusActions({ storeId, order, className }: StatusActionsProps) {
  const { change, retry, pending } = useStatusChange(storeId);
  const [dialog, setDialog] = useState<"dispatch" | "cancel" | null>(null);
  const status = order.status as OrderStatus;
  const moves = allowedTransitions(status);
  const busy = pending.has(order.id);
  const ref = orderRef(order.tribemadeOrderId);

  function start(to: TargetStatus) {
    if (to === "dispatched") setDialog("dispatch");
    else if (to === "cancelled") setDialog("cancel");
    else void change(order, to);
  }

  return (
    <section aria-label="Status" data-testid="status-actions" className={cn("grid gap-3", className)}>
      <div className="flex flex-wrap items-center gap-2">
        {isFinal(status) ? (
          <p className="text-fg-muted text-sm">
            {status === "delivered" ? "Delivered" : "Cancelled"}: this order is final at TribeMade; nothing more to do.
          </p>
        ) : (
          moves.map((to, index) => (
            <Button
              key={to}
              variant={to === "cancelled" ? "ghost" : index === 0 ? "primary" : "secondary"}
              leadingIcon={ICONS[to]}
              disabled={busy}
              onClick={() => start(to)}
              className={cn("max-sm:flex-1", to === "cancelled" && "text-red-700 hover:text-red-800 dark:text-red-300")}
            >
              {to === "dispatched"
                ? `${transitionVerb(to)}…`
                : to === "cancelled"
                  ? `${transitionVerb(to)}…`
                  : transitionVerb(to)}
            </Button>
          ))
        )}
        <QuotaMeter storeId={storeId} className="max-sm:w-full sm:ml-auto" />
      </div>
      <SyncLine
        sync={order.sync}
        syncError={order.syncError}
        retrying={busy}
        onRetry={() => void retry(order.id, order.version, ref)}
      />
      <DispatchDialog
        open={dialog === "dispatch"}
        onOpenChange={(open) => setDialog(open ? "dispatch" : null)}
        orderLabel={ref}
        customerName={order.customerName}
        pending={busy}
        onSubmit={(tracking) => {
          setDialog(null);
          void change(order, "dispatched", tracking);
        }}
      />
      <CancelConfirm
        open={dialog === "cancel"}
        onOpenChange={(open) => setDialog(open ? "cancel" : null)}
        what={`order ${ref}`}
        customerName={order.customerName}
        onConfirm={() => void change(order, "cancelled")}
      />
    </section>
  );
}
