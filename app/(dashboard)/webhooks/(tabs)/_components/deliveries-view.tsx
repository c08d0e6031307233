"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { ArrowRightIcon, RotateCwIcon, SearchIcon, TriangleAlertIcon, WebhookIcon } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { deliveryFiltersSchema, type DeliveryFilters } from "@/lib/webhooks/schemas";
import { ConnectSteps } from "@/components/webhooks/connect-steps";
import { DeliveriesTable } from "./deliveries-table";
import { DeliveriesTableSkeleton } from "./deliveries-table-skeleton";
import { filtersToParams, hasFilters } from "@/lib/webhooks/deliveries-url";
import { CLEARED, DeliveryFiltersBar, type EndpointOption } from "./delivery-filters";
import { errorMessage } from "@/lib/http/fetch-json";
import { useLiveDeliveries } from "./use-live-deliveries";
import { formatCount } from "@/lib/format/numbers";

export type DeliveriesViewProps = { storeId: string; endpoints: EndpointOption[] };

function parseFilters(params: URLSearchParams): DeliveryFilters {
  const parsed = deliveryFiltersSchema.safeParse(Object.fromEntries(params));
  return parsed.success ? parsed.data : { range: "all" };
}

export function DeliveriesView({ storeId, endpoints }: DeliveriesViewProps) {
  const searchParams = useSearchParams();
  const filters = useMemo(() => parseFilters(new URLSearchParams(searchParams.toString())), [searchParams]);
  const live = useLiveDeliveries(storeId, filters);

  // The URL holds the filters (shareable, survives reload); the native history API updates it
  // without a server round trip, and useSearchParams follows.
  const setFilters = useCallback((patch: Partial<DeliveryFilters>) => {
    const query = filtersToParams({ ...parseFilters(new URLSearchParams(window.location.search)), ...patch }).toString();
    window.history.replaceState(null, "", query ? `/webhooks?${query}` : "/webhooks");
  }, []);

  const status = live.stale ? (
    <Badge tone="amber" title={errorMessage(live.error)}>
      Reconnecting…
    </Badge>
  ) : live.fetching && live.pending ? (
    <Spinner size="sm" label="Loading deliveries" className="text-fg-subtle" />
  ) : (
    <Badge tone="green" pulse title="New deliveries appear here as they arrive">
      Live
    </Badge>
  );

  return (
    <div className="grid gap-4">
      <DeliveryFiltersBar filters={filters} endpoints={endpoints} onChange={setFilters} status={status} />
      {live.pending ? (
        <Card className="overflow-hidden">
          <DeliveriesTableSkeleton />
        </Card>
      ) : live.error && !live.stale ? (
        <EmptyState
          icon={<TriangleAlertIcon className="text-amber-600 dark:text-amber-400" />}
          title="Deliveries didn't load"
          description={errorMessage(live.error)}
          action={
            <Button variant="primary" leadingIcon={<RotateCwIcon />} onClick={live.retry}>
              Try again
            </Button>
          }
        />
      ) : live.rows.length === 0 ? (
        hasFilters(filters) ? (
          <EmptyState
            icon={<SearchIcon />}
            title="No deliveries match"
            description="Nothing received fits these filters. New deliveries that match will appear here on their own."
            action={<Button onClick={() => setFilters(CLEARED)}>Clear filters</Button>}
          />
        ) : (
          <NoDeliveriesYet />
        )
      ) : (
        <>
          <Card className="overflow-hidden">
            <DeliveriesTable rows={live.rows} fresh={live.fresh} />
          </Card>
          {live.loadMoreError ? <Alert tone="error">{live.loadMoreError}</Alert> : null}
          <div className="text-fg-subtle flex items-center justify-between gap-3 text-xs">
            <span>
              {formatCount(live.rows.length)} {live.rows.length === 1 ? "delivery" : "deliveries"} shown
            </span>
            {live.hasMore ? (
              <Button size="sm" onClick={() => void live.loadMore()} loading={live.loadingMore}>
                Load more
              </Button>
            ) : (
              <span>That&apos;s everything.</span>
            )}
          </div>
        </>
      )}
    </div>
  );
}

function NoDeliveriesYet() {
  return (
    <EmptyState
      icon={<WebhookIcon />}
      title="No deliveries yet"
      description={
        <>
          Every request TribeMade sends to your webhook URL shows up here, accepted or not, with its raw body and headers. To
          connect your store:
        </>
      }
      action={
        <div className="grid justify-items-center gap-5">
          <ConnectSteps className="text-fg-muted marker:text-fg-subtle max-w-md list-decimal space-y-1.5 pl-5 text-left text-sm" />
          <Button href="/webhooks/endpoints" variant="primary" trailingIcon={<ArrowRightIcon />}>
            Get your webhook URL
          </Button>
          <p className="text-fg-subtle text-xs">This page updates live; there is no need to reload.</p>
        </div>
      }
    />
  );
}
