"use client";

import { Ban, PackageCheck, PackageOpen, Truck } from "lucide-react";
import type { BulkOrder } from "@/components/orders/bulk-dialog";
import { QuotaMeter } from "@/components/orders/quota-meter";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { canTransition, type OrderStatus, type TargetStatus } from "@/lib/orders/transitions";

// `short` fits the buttons in one row on a phone.
const ACTIONS: Array<{ to: TargetStatus; label: string; short: string; icon: React.ReactNode }> = [
  { to: "processing", label: "Mark processing", short: "Processing", icon: <PackageOpen /> },
  { to: "dispatched", label: "Mark dispatched…", short: "Dispatched…", icon: <Truck /> },
  { to: "delivered", label: "Mark delivered", short: "Delivered", icon: <PackageCheck /> },
  { to: "cancelled", label: "Cancel…", short: "Cancel…", icon: <Ban /> },
];

export type BulkActionsProps = {
  storeId: string;
  /** The picked rows; with `allMatching` the loaded rows of the filter (for which moves apply). */
  selected: BulkOrder[];
  allMatching: boolean;
  onAction: (status: TargetStatus) => void;
};

/**
 * The bulk status buttons and the quota meter, in the feed's selection bar: only the moves that
 * apply to at least one selected order ("delivered" only once something is dispatched).
 */
export function BulkActions({ storeId, selected, allMatching, onAction }: BulkActionsProps) {
  const applies = (to: TargetStatus) => selected.some((order) => canTransition(order.status as OrderStatus, to));
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2 max-sm:w-full" data-testid="bulk-actions">
      <QuotaMeter storeId={storeId} className="max-sm:order-last max-sm:w-full" />
      <div className="flex items-center gap-1.5 max-sm:w-full">
        {ACTIONS.filter(({ to }) => to !== "delivered" || applies(to)).map(({ to, label, short, icon }) => (
          <Button
            key={to}
            size="sm"
            variant={to === "processing" ? "primary" : "secondary"}
            leadingIcon={icon}
            disabled={!allMatching && !applies(to)}
            onClick={() => onAction(to)}
            aria-label={label.replace("…", "")}
            className={cn("max-sm:flex-1 max-sm:px-2", to === "cancelled" && "text-red-700 dark:text-red-300")}
          >
            <span className="sm:hidden">{short}</span>
            <span className="max-sm:hidden">{label}</span>
          </Button>
        ))}
      </div>
    </div>
  );
}
