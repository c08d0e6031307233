"use client";

import type { ReactNode } from "react";
import { SearchIcon, XIcon } from "lucide-react";
import { useUrlSearch } from "@/components/forms/use-url-search";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { DELIVERY_RANGES, type DeliveryFilters, type DeliveryRange } from "@/lib/webhooks/schemas";
import { DELIVERY_OUTCOMES, type DeliveryOutcome } from "@/lib/webhooks/payload-schema";
import { hasFilters } from "@/lib/webhooks/deliveries-url";
import { reasonLabel } from "@/lib/webhooks/reasons";

export type EndpointOption = { id: string; label: string; revoked: boolean };

const RANGE_LABELS: Record<DeliveryRange, string> = {
  "1h": "Last hour",
  "24h": "Last 24 hours",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
  all: "Any time",
};

const OUTCOME_LABELS: Record<DeliveryOutcome, string> = { accepted: "Accepted", duplicate: "Duplicate", rejected: "Rejected" };

export const CLEARED: Partial<DeliveryFilters> = {
  outcome: undefined,
  endpoint: undefined,
  reason: undefined,
  q: undefined,
  range: "all",
};

export type DeliveryFiltersBarProps = {
  filters: DeliveryFilters;
  endpoints: EndpointOption[];
  /** Applied to the filters current at call time (the URL), so a late search never undoes a select. */
  onChange: (patch: Partial<DeliveryFilters>) => void;
  /** Right-aligned status (live indicator). */
  status?: ReactNode;
};

export function DeliveryFiltersBar({ filters, endpoints, onChange, status }: DeliveryFiltersBarProps) {
  const [search, onSearch] = useUrlSearch(filters.q, (q) => onChange({ q }));

  const set = (patch: Partial<DeliveryFilters>) => onChange(patch);

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Input
        type="search"
        aria-label="Search deliveries"
        placeholder="Order id, email, phone or name"
        leadingIcon={<SearchIcon />}
        value={search}
        onChange={(event) => onSearch(event.target.value)}
        className="w-full sm:w-72"
      />
      <Select
        aria-label="Outcome"
        value={filters.outcome ?? ""}
        onChange={(event) => set({ outcome: (event.target.value || undefined) as DeliveryOutcome | undefined })}
        wrapperClassName="w-[calc(50%-0.25rem)] sm:w-auto"
      >
        <option value="">All outcomes</option>
        {DELIVERY_OUTCOMES.map((outcome) => (
          <option key={outcome} value={outcome}>
            {OUTCOME_LABELS[outcome]}
          </option>
        ))}
      </Select>
      <Select
        aria-label="Time range"
        value={filters.range}
        onChange={(event) => set({ range: event.target.value as DeliveryRange })}
        wrapperClassName="w-[calc(50%-0.25rem)] sm:w-auto"
      >
        {DELIVERY_RANGES.map((range) => (
          <option key={range} value={range}>
            {RANGE_LABELS[range]}
          </option>
        ))}
      </Select>
      {endpoints.length > 1 || filters.endpoint ? (
        <Select
          aria-label="Endpoint"
          value={filters.endpoint ?? ""}
          onChange={(event) => set({ endpoint: event.target.value || undefined })}
          wrapperClassName="w-full sm:w-auto sm:max-w-52"
        >
          <option value="">All endpoints</option>
          {endpoints.map((endpoint) => (
            <option key={endpoint.id} value={endpoint.id}>
              {endpoint.label}
              {endpoint.revoked ? " (revoked)" : ""}
            </option>
          ))}
        </Select>
      ) : null}
      {filters.reason ? (
        <span className="border-line bg-surface-2 text-fg inline-flex h-8 items-center gap-1 rounded-md border pr-1 pl-2.5 text-xs">
          Reason: <span className="font-mono">{reasonLabel(filters.reason)}</span>
          <Button variant="ghost" size="icon-sm" aria-label="Clear the reason filter" onClick={() => set({ reason: undefined })}>
            <XIcon />
          </Button>
        </span>
      ) : null}
      {hasFilters(filters) ? (
        <Button variant="ghost" size="md" onClick={() => onChange(CLEARED)}>
          Clear
        </Button>
      ) : null}
      {status ? <div className="ml-auto flex items-center">{status}</div> : null}
    </div>
  );
}
