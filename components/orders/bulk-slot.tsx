"use client";

import { X } from "lucide-react";
import type { ReactNode } from "react";
import type { OrderSelection } from "@/components/orders/use-order-selection";
import { Button } from "@/components/ui/button";
import { formatCount } from "@/lib/format/numbers";

// Where bulk actions go: appears while rows are selected, says what is selected, offers "select all
// matching", and hosts the actions (`children`: the bulk status buttons, quota meter and ETA from
// the status-actions work). Sticky under the top bar so it stays in reach while scrolling.

export type BulkSlotProps = {
  selection: OrderSelection;
  /** Rows loaded in the feed (selecting them all offers "all matching" when there are more). */
  loaded: number;
  /** More rows match than are loaded. */
  hasMore: boolean;
  children?: ReactNode;
};

export function BulkSlot({ selection, loaded, hasMore, children }: BulkSlotProps) {
  const picked = selection.allMatching ? null : selection.ids.size;
  if (!selection.allMatching && picked === 0) return null;
  const summary = selection.allMatching
    ? selection.count !== null
      ? `All ${formatCount(selection.count)} matching orders selected`
      : "All orders matching these filters selected"
    : `${formatCount(picked ?? 0)} selected`;
  return (
    <div
      role="region"
      aria-label="Selected orders"
      data-testid="bulk-slot"
      className="border-line bg-surface/95 supports-[backdrop-filter]:bg-surface/80 sticky top-16 z-10 flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border px-3 py-2 shadow-sm backdrop-blur"
    >
      <span className="text-fg text-sm font-medium tabular-nums">{summary}</span>
      {!selection.allMatching && picked === loaded && hasMore ? (
        <Button variant="ghost" size="sm" onClick={selection.selectAllMatching}>
          Select all matching
        </Button>
      ) : null}
      {/* Phones: Clear stays on the first line, the actions take the next ones. */}
      <Button variant="ghost" size="sm" leadingIcon={<X />} onClick={selection.clear} className="max-sm:ml-auto sm:order-last">
        Clear
      </Button>
      <div className="flex flex-wrap items-center gap-2 max-sm:w-full sm:ml-auto">{children}</div>
    </div>
  );
}
