"use client";

import { Search, X } from "lucide-react";
import type { ReactNode, Ref } from "react";
import { useUrlSearch } from "@/components/forms/use-url-search";
import type { TagLike } from "@/components/customers/tag-chip";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { hasFilters } from "@/lib/orders/orders-url";
import { ORDER_RANGES, type OrderFilters, type OrderRange, type Verification } from "@/lib/orders/schemas";
import { parseSearch } from "@/lib/search/terms";

// The feed's filters: search (debounced; the running request is cancelled when the text changes,
// react-query's signal), verification, sync, and a date range in IST days. Everything lives in
// the URL (the caller's onChange writes it).

const RANGE_LABELS: Record<OrderRange, string> = {
  today: "Today",
  yesterday: "Yesterday",
  "7d": "Last 7 days",
  "30d": "Last 30 days",
};

const VERIFICATION_LABELS: Record<Verification, string> = {
  verified: "Verified",
  unverified: "Not yet verified",
  mismatch: "Mismatch",
  not_found: "Not found (hidden)",
};

export const CLEARED: Partial<OrderFilters> = {
  verification: undefined,
  sync: undefined,
  range: undefined,
  from: undefined,
  to: undefined,
  q: undefined,
  tag: undefined,
};

export type OrderFiltersBarProps = {
  filters: OrderFilters;
  onChange: (patch: Partial<OrderFilters>, mode?: "push" | "replace") => void;
  /** Right-aligned (the live indicator). */
  status?: ReactNode;
  searchRef?: Ref<HTMLInputElement>;
  /** The store's tags, for the tag filter. */
  tags: TagLike[];
};

export function OrderFiltersBar({ filters, onChange, status, searchRef, tags }: OrderFiltersBarProps) {
  const [search, onSearch] = useUrlSearch(filters.q, (q) => onChange({ q }, "replace"));

  const custom = Boolean(filters.from || filters.to);
  const dateValue = custom ? "custom" : (filters.range ?? "");
  const tooShort = search.trim() !== "" && parseSearch(search) === null;

  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap items-center gap-2">
        <Input
          ref={searchRef}
          type="search"
          aria-label="Search orders"
          placeholder="Order id, name, email, phone, PIN"
          leadingIcon={<Search />}
          value={search}
          onChange={(event) => onSearch(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Escape" && search) {
              event.stopPropagation();
              onSearch("");
            }
          }}
          className="w-full sm:w-80"
        />
        <Select
          aria-label="Date"
          value={dateValue}
          onChange={(event) => {
            const value = event.target.value;
            if (value === "custom") {
              const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Kolkata" }).format(new Date());
              onChange({ range: undefined, from: today, to: today }, "push");
            } else onChange({ range: (value || undefined) as OrderRange | undefined, from: undefined, to: undefined }, "push");
          }}
          wrapperClassName="w-[calc(50%-0.25rem)] sm:w-auto"
        >
          <option value="">Any time</option>
          {ORDER_RANGES.map((range) => (
            <option key={range} value={range}>
              {RANGE_LABELS[range]}
            </option>
          ))}
          <option value="custom">Custom dates…</option>
        </Select>
        <Select
          aria-label="Verification"
          value={filters.verification ?? ""}
          onChange={(event) => onChange({ verification: (event.target.value || undefined) as Verification | undefined }, "push")}
          wrapperClassName="w-[calc(50%-0.25rem)] sm:w-auto"
        >
          <option value="">Any verification</option>
          {(Object.keys(VERIFICATION_LABELS) as Verification[]).map((value) => (
            <option key={value} value={value}>
              {VERIFICATION_LABELS[value]}
            </option>
          ))}
        </Select>
        <Select
          aria-label="Sync"
          value={filters.sync ?? ""}
          onChange={(event) => onChange({ sync: (event.target.value || undefined) as OrderFilters["sync"] }, "push")}
          wrapperClassName="w-[calc(50%-0.25rem)] sm:w-auto"
        >
          <option value="">Any sync</option>
          <option value="failed">Sync failed</option>
          <option value="pending">Syncing</option>
        </Select>
        {tags.length > 0 || filters.tag ? (
          <Select
            aria-label="Tag"
            value={filters.tag ?? ""}
            onChange={(event) => onChange({ tag: event.target.value || undefined }, "push")}
            wrapperClassName="w-[calc(50%-0.25rem)] sm:w-auto"
          >
            <option value="">Any tag</option>
            {tags.map((tag) => (
              <option key={tag.id} value={tag.id}>
                {tag.name}
              </option>
            ))}
          </Select>
        ) : null}
        {hasFilters(filters) ? (
          <Button variant="ghost" leadingIcon={<X />} onClick={() => onChange(CLEARED, "push")}>
            Clear
          </Button>
        ) : null}
        {status ? <div className="ml-auto flex items-center">{status}</div> : null}
      </div>
      {custom ? (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <label className="text-fg-muted inline-flex items-center gap-2">
            From
            <Input
              type="date"
              value={filters.from ?? ""}
              max={filters.to}
              onChange={(event) => onChange({ from: event.target.value || undefined }, "replace")}
              className="w-40"
            />
          </label>
          <label className="text-fg-muted inline-flex items-center gap-2">
            to
            <Input
              type="date"
              value={filters.to ?? ""}
              min={filters.from}
              onChange={(event) => onChange({ to: event.target.value || undefined }, "replace")}
              className="w-40"
            />
          </label>
          <span className="text-fg-subtle text-xs">Days in IST, both included.</span>
        </div>
      ) : null}
      {tooShort ? (
        <p className="text-fg-subtle text-xs" role="status">
          Type at least 3 letters, 4 digits, or the start of an order id.
        </p>
      ) : null}
    </div>
  );
}
