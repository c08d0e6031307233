"use client";

import { Keyboard } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type RefObject } from "react";
import { BulkActions } from "@/components/orders/bulk-actions";
import { BulkDialog, type BulkTarget } from "@/components/orders/bulk-dialog";
import { DispatchDialog } from "@/components/orders/dispatch-dialog";
import { ShortcutsDialog, useFeedShortcuts } from "@/components/orders/keyboard-shortcuts";
import { orderRef } from "@/components/orders/order-ref";
import type { OrderSelection } from "@/components/orders/use-order-selection";
import { useStatusChange } from "@/components/orders/use-status-change";
import { Button } from "@/components/ui/button";
import { orderHref } from "@/lib/orders/orders-url";
import type { OrderRowDto } from "@/lib/orders/schemas";
import { canTransition, type OrderStatus, type TargetStatus } from "@/lib/orders/transitions";

// The feed's write side in one hook, so the feed view only places its pieces: the bulk buttons
// (inside the feed's selection bar), the keyboard (j/k move a cursor over the rows, x selects,
// Enter opens, p/d act on the selection or else the row under the cursor, / searches, ? helps),
// and the dialogs they open.

export type FeedActionsInput = {
  storeId: string;
  rows: OrderRowDto[];
  selection: OrderSelection;
  searchRef: RefObject<HTMLInputElement | null>;
};

export function useFeedActions({ storeId, rows, selection, searchRef }: FeedActionsInput) {
  const router = useRouter();
  const status = useStatusChange(storeId);
  const [cursor, setCursor] = useState<string | null>(null);
  const [bulk, setBulk] = useState<TargetStatus | null>(null);
  const [dispatching, setDispatching] = useState<OrderRowDto | null>(null);
  const [help, setHelp] = useState(false);

  // The cursor stays on its order as rows arrive above it; gone (filtered out), it starts over.
  const focused = rows.find((row) => row.id === cursor) ?? null;
  const selectedRows = rows.filter((row) => selection.isSelected(row.id));
  const hasSelection = selection.allMatching || selection.ids.size > 0;

  function move(delta: number) {
    if (rows.length === 0) return;
    const index = focused ? rows.indexOf(focused) : -1;
    const next = rows[Math.min(rows.length - 1, Math.max(0, index === -1 ? 0 : index + delta))];
    if (!next) return;
    setCursor(next.id);
    document.querySelector(`[data-order-id="${next.id}"]`)?.scrollIntoView({ block: "nearest" });
  }

  function act(to: TargetStatus) {
    if (hasSelection) return setBulk(to);
    if (!focused || !canTransition(focused.status as OrderStatus, to)) return;
    if (to === "dispatched") setDispatching(focused);
    else void status.change(focused, to);
  }

  useFeedShortcuts({
    next: () => move(1),
    prev: () => move(-1),
    select: () => (focused ? selection.toggle(focused.id) : move(1)),
    open: () => (focused ? router.push(orderHref(focused.id)) : undefined),
    processing: () => act("processing"),
    dispatch: () => act("dispatched"),
    search: () => searchRef.current?.focus(),
    help: () => setHelp(true),
    clear: () => selection.clear(),
  });

  const target: BulkTarget = selection.allMatching
    ? { kind: "filter", filters: selection.filters, count: selection.count }
    : { kind: "rows", orders: selectedRows };

  return {
    focusedId: focused?.id ?? null,
    bulkActions: <BulkActions storeId={storeId} selected={selectedRows} allMatching={selection.allMatching} onAction={setBulk} />,
    helpButton: (
      <Button
        variant="ghost"
        size="icon"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        onClick={() => setHelp(true)}
      >
        <Keyboard />
      </Button>
    ),
    overlays: (
      <>
        {bulk ? (
          <BulkDialog
            storeId={storeId}
            open
            onOpenChange={(open) => (open ? undefined : setBulk(null))}
            status={bulk}
            target={target}
            onFinished={selection.clear}
          />
        ) : null}
        <DispatchDialog
          open={dispatching !== null}
          onOpenChange={(open) => (open ? undefined : setDispatching(null))}
          orderLabel={dispatching ? orderRef(dispatching.tribemadeOrderId) : ""}
          customerName={dispatching?.customerName ?? ""}
          onSubmit={(tracking) => {
            const order = dispatching;
            setDispatching(null);
            if (order) void status.change(order, "dispatched", tracking);
          }}
        />
        <ShortcutsDialog open={help} onOpenChange={setHelp} />
      </>
    ),
  };
}
