import { customerFiltersSchema, type CustomerFilters, type CustomerSort } from "@/lib/customers/schemas";

// The customers list's URL: /customers?q=…&sort=orders|spend|last&cursor=…, read by the page and
// written by its links. A malformed value falls back to the default (a shared link never errors).
// Client-safe.

export type CustomersUrlState = CustomerFilters & { cursor?: string };

export function parseCustomersUrl(params: Record<string, string | string[] | undefined>): CustomersUrlState {
  const one = (key: string) => (typeof params[key] === "string" ? params[key] : undefined);
  const parsed = customerFiltersSchema.safeParse({ q: one("q"), sort: one("sort") });
  const filters = parsed.success ? parsed.data : customerFiltersSchema.parse({});
  const cursor = one("cursor");
  return { ...filters, cursor: cursor && cursor.length <= 300 ? cursor : undefined };
}

/** The list's URL for these filters (the default sort is left out). */
export function customersHref(state: { q?: string; sort?: CustomerSort; cursor?: string }, base = "/customers"): string {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  if (state.sort && state.sort !== "last") params.set("sort", state.sort);
  if (state.cursor) params.set("cursor", state.cursor);
  const query = params.toString();
  return query ? `${base}?${query}` : base;
}

export const customerHref = (id: string) => `/customers/${id}`;
