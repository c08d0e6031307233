"use client";

import { ArrowRight, ArrowUp, Download, Search, Webhook } from "lucide-react";
import { useCallback, useRef } from "react";
import { useUrlFilters } from "@/components/forms/use-url-filters";
import { FeedBody } from "@/components/feed/feed-body";
import { TagMenu } from "@/components/customers/tag-menu";
import { PrintMenu } from "@/components/documents/print-menu";
import { TodayLabelsButton } from "@/components/documents/today-labels-button";
import { BulkSlot } from "@/components/orders/bulk-slot";
import { useClock } from "@/components/ui/use-clock";
import { useOrderAlerts } from "@/components/orders/use-order-alerts";
import { useFeedActions } from "@/components/orders/use-feed-actions";
import { useOrderSelection } from "@/components/orders/use-order-selection";
import type { StreamStatus } from "@/components/orders/use-feed-stream";
import type { WhatsappStore } from "@/components/orders/whatsapp-row-action";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Spinner } from "@/components/ui/spinner";
import type { TagDto } from "@/lib/customers/tag-schemas";
import { formatCount } from "@/lib/format/numbers";
import { filtersToParams, hasFilters, orderExportUrl, parseFilters } from "@/lib/orders/orders-url";
import type { OrderStatus } from "@/lib/orders/schemas";
import { AddMissingButton } from "./add-missing-button";
import { AlertsMenu } from "./alerts-menu";
import { CLEARED, OrderFiltersBar } from "./order-filters";
import { OrdersGlance } from "./orders-glance";
import { OrdersTableSkeleton } from "./orders-skeleton";
import { OrdersTable } from "./orders-table";
import { StatusTabs } from "./status-tabs";
import { useOrdersFeed } from "./use-orders-feed";

export type OrdersViewProps = {
  storeId: string;
  userId: string;
  tags: TagDto[];
  /** The store's name and WhatsApp wording, for the rows' WhatsApp menus. */
  whatsapp: WhatsappStore;
};

export function OrdersView({ storeId, userId, tags, whatsapp }: OrdersViewProps) {
  // Tabs and selects add a history entry (Back undoes them); typing in the search box replaces it.
  const [filters, setFilters] = useUrlFilters({
    path: "/orders",
    parse: parseFilters,
    toParams: filtersToParams,
    history: "push",
  });
  const alerts = useOrderAlerts(userId);
  const live = useOrdersFeed(storeId, filters, alerts.announce);
  // "Over 24 h" flags: a minute is fine enough.
  const now = useClock(60_000);
  const statusCount =
    filters.status && filters.status in (live.counts ?? {}) ? live.counts?.[filters.status as "started"] : undefined;
  const selection = useOrderSelection(filters, statusCount ?? null);
  const searchRef = useRef<HTMLInputElement>(null);
  const feed = useFeedActions({ storeId, rows: live.rows, selection, searchRef });

  const selectStatus = useCallback((status: OrderStatus | undefined) => setFilters({ status }), [setFilters]);

  return (
    <>
      <PageHeader
        title="Orders"
        description="Every paid order from TribeMade, live as it arrives."
        actions={
          <>
            {feed.helpButton}
            <AlertsMenu alerts={alerts} />
            <TodayLabelsButton />
            <AddMissingButton />
            {/* A plain link: the browser downloads the stream itself (no client-side navigation). */}
            <a href={orderExportUrl(filters)} download className={buttonClasses()}>
              <Download />
              Export CSV
            </a>
          </>
        }
      />
      <div className="grid gap-5">
        <OrdersGlance glance={live.glance} onFilter={(patch) => setFilters(patch)} />
        <div className="grid gap-3">
          <StatusTabs filters={filters} counts={live.counts} onSelect={selectStatus} />
          <OrderFiltersBar
            filters={filters}
            onChange={setFilters}
            searchRef={searchRef}
            tags={tags}
            status={<LiveBadge stream={live.stream} fetching={live.fetching && live.pending} />}
          />
        </div>
        {live.held > 0 && !live.atTop ? <NewOrdersPill count={live.held} onClick={live.showNew} /> : null}
        <BulkSlot selection={selection} loaded={live.rows.length} hasMore={live.hasMore}>
          <PrintMenu
            size="sm"
            target={selection.allMatching ? { kind: "filter", filters } : { kind: "orders", ids: [...selection.ids] }}
            scope={
              selection.allMatching
                ? "All orders matching the filters (up to 500)"
                : `${formatCount(selection.ids.size)} selected`
            }
          />
          <TagMenu
            size="sm"
            storeId={storeId}
            tags={tags}
            target={selection.allMatching ? { kind: "filter", filters } : { kind: "orders", ids: [...selection.ids] }}
          />
          {feed.bulkActions}
        </BulkSlot>
        <FeedBody
          live={live}
          noun={["order", "orders"]}
          skeleton={<OrdersTableSkeleton />}
          errorTitle="Orders didn't load"
          empty={
            hasFilters(filters) || filters.status ? (
              <EmptyState
                icon={<Search />}
                title="No orders match"
                description="Nothing fits these filters. Orders that match will appear here on their own as they arrive."
                action={<Button onClick={() => setFilters({ ...CLEARED, status: undefined })}>Clear filters</Button>}
              />
            ) : (
              <NoOrdersYet />
            )
          }
          table={
            <OrdersTable
              storeId={storeId}
              rows={live.rows}
              fresh={live.fresh}
              selection={selection}
              now={now}
              focusedId={feed.focusedId}
              whatsapp={whatsapp}
            />
          }
        />
      </div>
      {feed.overlays}
    </>
  );
}

function LiveBadge({ stream, fetching }: { stream: StreamStatus; fetching: boolean }) {
  if (fetching) return <Spinner size="sm" label="Loading orders" className="text-fg-subtle" />;
  if (stream === "live") {
    return (
      <Badge tone="green" pulse title="New orders appear here within a second">
        Live
      </Badge>
    );
  }
  if (stream === "connecting") return <Badge title="Connecting to the live feed">Connecting…</Badge>;
  return (
    <Badge tone="amber" title="The live connection dropped; checking for new orders every few seconds until it is back">
      {stream === "reconnecting" ? "Reconnecting…" : "Polling"}
    </Badge>
  );
}

function NewOrdersPill({ count, onClick }: { count: number; onClick: () => void }) {
  return (
    <div className="pointer-events-none sticky top-16 z-20 -mb-3 flex justify-center">
      <Button
        variant="primary"
        size="sm"
        className="pointer-events-auto rounded-full shadow-md"
        leadingIcon={<ArrowUp />}
        onClick={onClick}
      >
        {formatCount(count)} new {count === 1 ? "order" : "orders"}
      </Button>
    </div>
  );
}

function NoOrdersYet() {
  return (
    <EmptyState
      icon={<Webhook />}
      title="No orders yet"
      description="Orders appear here the moment a customer pays, once TribeMade sends them to your webhook URL. This page updates live; there is no need to reload."
      action={
        <Button href="/webhooks/endpoints" variant="primary" trailingIcon={<ArrowRight />}>
          Connect TribeMade
        </Button>
      }
    />
  );
}
