"use client";

import { Ban, PackageCheck, PackageOpen, Truck } from "lucide-react";
import { useState, type ReactNode } from "react";
import { CancelConfirm } from "@/components/orders/cancel-confirm";
import { DispatchDialog } from "@/components/orders/dispatch-dialog";
import { orderRef } from "@/components/orders/order-ref";
import { QuotaMeter } from "@/components/orders/quota-meter";
import { useStatusChange, type StatusTarget } from "@/components/orders/use-status-change";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { allowedTransitions, transitionVerb, type OrderStatus, type TargetStatus } from "@/lib/orders/transitions";

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
 * An order's status buttons: only the moves TribeMade allows from its status (the forward step
 * first and primary, cancel last and quiet), the dispatch dialog and the cancel confirmation, with
 * the store's status budget beside them. Final orders show nothing to do.
 */
export function StatusActions({ storeId, order, className }: StatusActionsProps) {
  const { change, pending } = useStatusChange(storeId);
  const [dialog, setDialog] = useState<"dispatch" | "cancel" | null>(null);
  const moves = allowedTransitions(order.status as OrderStatus);
  const busy = pending.has(order.id);
  const ref = orderRef(order.tribemadeOrderId);
  if (moves.length === 0) return null;

  function start(to: TargetStatus) {
    if (to === "dispatched") setDialog("dispatch");
    else if (to === "cancelled") setDialog("cancel");
    else void change(order, to);
  }

  return (
    <div data-testid="status-actions" className={cn("flex flex-wrap items-center gap-2", className)}>
      <QuotaMeter storeId={storeId} className="max-sm:order-last max-sm:w-full sm:mr-1" />
      {moves.map((to, index) => (
        <Button
          key={to}
          variant={to === "cancelled" ? "ghost" : index === 0 ? "primary" : "secondary"}
          leadingIcon={ICONS[to]}
          disabled={busy}
          onClick={() => start(to)}
          className={cn("max-sm:flex-1", to === "cancelled" && "text-red-700 hover:text-red-800 dark:text-red-300")}
        >
          {to === "dispatched" || to === "cancelled" ? `${transitionVerb(to)}…` : transitionVerb(to)}
        </Button>
      ))}
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
    </div>
  );
}
