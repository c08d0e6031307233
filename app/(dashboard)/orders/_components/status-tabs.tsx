"use client";

import { cn } from "@/components/ui/cn";
import { TabCount, tabClasses } from "@/components/ui/tab-style";
import { ordersPageUrl } from "@/lib/orders/orders-url";
import type { OrderCountsDto, OrderFilters, OrderStatus } from "@/lib/orders/schemas";

// The status tabs: real links (open in a new tab, survive reloads) that switch without a server
// round trip. Counts only for the statuses that still need the merchant: they are the work at hand,
// and cheap to count however long the store's history (lib/orders/order-page.ts).

const TABS: Array<{ status: OrderStatus | undefined; label: string; counted?: keyof OrderCountsDto }> = [
  { status: undefined, label: "All" },
  { status: "started", label: "To process", counted: "started" },
  { status: "processing", label: "Processing", counted: "processing" },
  { status: "dispatched", label: "Dispatched", counted: "dispatched" },
  { status: "delivered", label: "Delivered" },
  { status: "cancelled", label: "Cancelled" },
];

export function StatusTabs({
  filters,
  counts,
  onSelect,
  className,
}: {
  filters: OrderFilters;
  counts: OrderCountsDto | null;
  onSelect: (status: OrderStatus | undefined) => void;
  className?: string;
}) {
  return (
    <nav aria-label="Order status" className={cn("border-line flex gap-1 overflow-x-auto border-b", className)}>
      {TABS.map((tab) => {
        const active = filters.status === tab.status;
        return (
          <a
            key={tab.label}
            href={ordersPageUrl({ ...filters, status: tab.status })}
            aria-current={active ? "page" : undefined}
            className={tabClasses(active)}
            onClick={(event) => {
              if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
              event.preventDefault();
              onSelect(tab.status);
            }}
          >
            {tab.label}
            {tab.counted && counts ? <TabCount count={counts[tab.counted]} selected={active} /> : null}
          </a>
        );
      })}
    </nav>
  );
}
