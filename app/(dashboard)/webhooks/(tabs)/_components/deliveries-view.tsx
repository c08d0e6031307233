"use client";

import { ArrowRightIcon, SearchIcon, WebhookIcon } from "lucide-react";
import { useUrlFilters } from "@/components/forms/use-url-filters";
import { FeedBody } from "@/components/feed/feed-body";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { ConnectSteps } from "@/components/webhooks/connect-steps";
import { DeliveriesTable } from "./deliveries-table";
import { DeliveriesTableSkeleton } from "./deliveries-table-skeleton";
import { filtersToParams, hasFilters, parseFilters } from "@/lib/webhooks/deliveries-url";
import { CLEARED, DeliveryFiltersBar, type EndpointOption } from "./delivery-filters";
import { errorMessage } from "@/lib/http/fetch-json";
import { useDeliveriesFeed } from "./use-deliveries-feed";

export type DeliveriesViewProps = { storeId: string; endpoints: EndpointOption[] };

export function DeliveriesView({ storeId, endpoints }: DeliveriesViewProps) {
  const [filters, setFilters] = useUrlFilters({
    path: "/webhooks",
    parse: parseFilters,
    toParams: filtersToParams,
    history: "replace",
  });
  const live = useDeliveriesFeed(storeId, filters);

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
      <FeedBody
        live={live}
        noun={["delivery", "deliveries"]}
        skeleton={<DeliveriesTableSkeleton />}
        errorTitle="Deliveries didn't load"
        empty={
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
        }
        table={<DeliveriesTable rows={live.rows} fresh={live.fresh} />}
      />
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
