"use client";

import { Ban, PackageCheck, PackageOpen, Truck, X } from "lucide-react";
import { useState } from "react";
import { BulkDialog, type BulkOrder } from "@/components/orders/bulk-dialog";
import { QuotaMeter } from "@/components/orders/quota-meter";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { canTransition, type OrderStatus, type TargetStatus } from "@/lib/orders/transitions";

export type BulkBarProps = {
  storeId: string;
  /** The selected rows. */
  selected: BulkOrder[];
  /** How many orders match the current filter (for "Select all N matching"); omit when unknown. */
  matchingCount?: number;
  /** Whether the selection is "all matching the filter" rather than the rows picked. */
  allMatching?: boolean;
  onSelectAllMatching?: () => void;
  /** Loads every order matching the filter (id, status, version), for an "all matching" action. */
  loadAllMatching?: () => Promise<BulkOrder[]>;
  onClear: () => void;
};

// `short` fits three buttons in a row on a phone.
const ACTIONS: Array<{ to: TargetStatus; label: string; short: string; icon: React.ReactNode }> = [
  { to: "processing", label: "Mark processing", short: "Processing", icon: <PackageOpen /> },
  { to: "dispatched", label: "Mark dispatched…", short: "Dispatched…", icon: <Truck /> },
  { to: "delivered", label: "Mark delivered", short: "Delivered", icon: <PackageCheck /> },
  { to: "cancelled", label: "Cancel…", short: "Cancel…", icon: <Ban /> },
];

/**
 * The feed's bulk bar, floating at the bottom while rows are selected: the count, "select all
 * matching", the status moves that apply to at least one selected order, and the quota meter.
 */
export function BulkBar({
  storeId,
  selected,
  matchingCount,
  allMatching,
  onSelectAllMatching,
  loadAllMatching,
  onClear,
}: BulkBarProps) {
  const [dialog, setDialog] = useState<{ status: TargetStatus; orders: BulkOrder[] } | null>(null);
  const [loading, setLoading] = useState<TargetStatus | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const count = allMatching && matchingCount !== undefined ? matchingCount : selected.length;
  if (count === 0 && !dialog) return null;

  const applies = (to: TargetStatus) => allMatching || selected.some((order) => canTransition(order.status as OrderStatus, to));

  async function open(to: TargetStatus) {
    setLoadError(null);
    if (!allMatching || !loadAllMatching) return setDialog({ status: to, orders: selected });
    setLoading(to);
    try {
      setDialog({ status: to, orders: await loadAllMatching() });
    } catch {
      setLoadError("Could not load the matching orders. Try again.");
    } finally {
      setLoading(null);
    }
  }

  return (
    <>
      <div
        role="toolbar"
        aria-label="Bulk actions"
        data-testid="bulk-bar"
        // Sticky at the bottom of the feed's column (not the viewport), so it centres on the list
        // beside the sidebar; full width on phones, above the home indicator.
        className={cn(
          "border-line bg-surface/95 animate-fade-in sticky bottom-0 z-30 -mx-4 border-t px-3 pt-2.5 pb-[max(0.625rem,env(safe-area-inset-bottom))] shadow-2xl backdrop-blur",
          "sm:bottom-4 sm:mx-auto sm:w-max sm:max-w-full sm:rounded-xl sm:border sm:pb-2.5",
        )}
      >
        <div className="flex flex-wrap items-center gap-x-2 gap-y-2">
          <div className="flex items-center gap-1">
            <Button size="icon-sm" variant="ghost" aria-label="Clear selection" onClick={onClear}>
              <X />
            </Button>
            <span className="text-fg text-sm font-medium tabular-nums" aria-live="polite">
              {count.toLocaleString("en-IN")} selected
            </span>
            {!allMatching && onSelectAllMatching && matchingCount !== undefined && matchingCount > selected.length ? (
              <Button size="sm" variant="ghost" className="text-accent-text" onClick={onSelectAllMatching}>
                Select all {matchingCount.toLocaleString("en-IN")} matching
              </Button>
            ) : null}
          </div>
          <span className="bg-line hidden h-5 w-px sm:block" aria-hidden="true" />
          <div className="flex items-center gap-1.5 max-sm:w-full">
            {ACTIONS.filter(({ to }) => to !== "delivered" || applies(to)).map(({ to, label, short, icon }) => (
              <Button
                key={to}
                size="sm"
                variant={to === "processing" ? "primary" : "secondary"}
                leadingIcon={icon}
                disabled={!applies(to) || loading !== null}
                loading={loading === to}
                onClick={() => void open(to)}
                aria-label={label.replace("…", "")}
                className={cn("max-sm:flex-1 max-sm:px-2", to === "cancelled" && "text-red-700 dark:text-red-300")}
              >
                <span className="sm:hidden">{short}</span>
                <span className="max-sm:hidden">{label}</span>
              </Button>
            ))}
          </div>
          <QuotaMeter storeId={storeId} className="max-sm:w-full sm:ml-2" />
        </div>
        {loadError ? <p className="mt-1.5 text-xs text-red-700 dark:text-red-300">{loadError}</p> : null}
      </div>
      {dialog ? (
        <BulkDialog
          storeId={storeId}
          open
          onOpenChange={(next) => {
            if (!next) setDialog(null);
          }}
          status={dialog.status}
          orders={dialog.orders}
          fromFilter={allMatching}
          onFinished={onClear}
        />
      ) : null}
    </>
  );
}
