import { deliveryFiltersSchema, type DeliveryFilters } from "@/lib/webhooks/schemas";

// The inspector's URLs. Filters ⇄ query string, shared by the list's URL (shareable, survives
// reload) and its API calls. Client-safe.

export function filtersToParams(filters: DeliveryFilters, extra: Record<string, string> = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.outcome) params.set("outcome", filters.outcome);
  if (filters.endpoint) params.set("endpoint", filters.endpoint);
  if (filters.reason) params.set("reason", filters.reason);
  if (filters.range !== "all") params.set("range", filters.range);
  if (filters.q) params.set("q", filters.q);
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return params;
}

/** The URL's filters; anything unreadable shows the unfiltered list. */
export function parseFilters(params: URLSearchParams): DeliveryFilters {
  const parsed = deliveryFiltersSchema.safeParse(Object.fromEntries(params));
  return parsed.success ? parsed.data : { range: "all" };
}

export function deliveriesApiUrl(filters: DeliveryFilters, cursor?: string | null): string {
  const params = filtersToParams(filters, cursor ? { cursor } : {});
  const query = params.toString();
  return query ? `/api/deliveries?${query}` : "/api/deliveries";
}

export function hasFilters(filters: DeliveryFilters): boolean {
  return Boolean(filters.outcome || filters.endpoint || filters.reason || filters.q || filters.range !== "all");
}

/** The inspector page of one delivery. */
export function deliveryHref(id: string): string {
  return `/webhooks/deliveries/${id}`;
}
