"use client";

import { Search } from "lucide-react";
import Link from "next/link";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { cn } from "@/components/ui/cn";
import type { ProductListQuery } from "@/lib/products/schemas";

const FILTERS = [
  { key: "all", label: "All" },
  { key: "low", label: "Low stock" },
  { key: "out", label: "Out of stock" },
  { key: "hidden", label: "Hidden" },
] as const;

function href(query: ProductListQuery, change: Partial<ProductListQuery>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  if (next.sort !== "name") params.set("sort", next.sort);
  if (next.filter !== "all") params.set("filter", next.filter);
  const text = params.toString();
  return text ? `/products?${text}` : "/products";
}

/** Search, sort and filter as a plain GET form and links: they work before (and without) JavaScript. */
export function ProductFilters({ query }: { query: ProductListQuery }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      {/* On a phone the form takes its own row (search, then sort, full width); the filters go below. */}
      <form action="/products" className="flex w-full flex-wrap items-center gap-2 sm:w-auto sm:min-w-0 sm:flex-1" role="search">
        <label htmlFor="product-search" className="sr-only">
          Search products
        </label>
        <Input
          id="product-search"
          name="q"
          defaultValue={query.q}
          placeholder="Search by name or TribeMade id"
          leadingIcon={<Search />}
          className="min-w-0 flex-1 basis-full sm:basis-56"
        />
        <label htmlFor="product-sort" className="sr-only">
          Sort by
        </label>
        <Select
          id="product-sort"
          name="sort"
          defaultValue={query.sort}
          wrapperClassName="w-full sm:w-40"
          onChange={(event) => event.currentTarget.form?.requestSubmit()}
        >
          <option value="name">Name</option>
          <option value="stock">Stock, lowest first</option>
          <option value="sales">Sales, 30 days</option>
        </Select>
        {query.filter !== "all" ? <input type="hidden" name="filter" value={query.filter} /> : null}
        <button type="submit" className="sr-only">
          Apply
        </button>
      </form>
      <nav aria-label="Filter products" className="flex flex-wrap gap-1">
        {FILTERS.map((filter) => (
          <Link
            key={filter.key}
            href={href(query, { filter: filter.key })}
            aria-current={query.filter === filter.key ? "page" : undefined}
            className={cn(
              "rounded-md px-2.5 py-1 text-sm font-medium",
              query.filter === filter.key ? "bg-surface-3 text-fg" : "text-fg-muted hover:bg-surface-2 hover:text-fg",
            )}
          >
            {filter.label}
          </Link>
        ))}
      </nav>
    </div>
  );
}
