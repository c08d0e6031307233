import { orderFiltersSchema, type OrderFilters } from "@/lib/orders/schemas";

// The feed's URLs: filters ⇄ query string, shared by the page URL (shareable, survives reload), its
// API calls and the CSV link. Client-safe.

const FILTER_KEYS = ["status", "verification", "sync", "range", "from", "to", "q", "tag"] as const satisfies ReadonlyArray<
  keyof OrderFilters
>;

export function filtersToParams(filters: OrderFilters, extra: Record<string, string> = {}): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  for (const [name, value] of Object.entries(extra)) params.set(name, value);
  return params;
}

/** The filters a query string holds; anything invalid is dropped rather than failing the page. */
export function parseFilters(params: URLSearchParams | Record<string, string | string[] | undefined>): OrderFilters {
  const entries =
    params instanceof URLSearchParams
      ? [...params.entries()]
      : Object.entries(params).flatMap(([key, value]) => (typeof value === "string" ? [[key, value] as const] : []));
  const filters: OrderFilters = {};
  for (const [key, value] of entries) {
    if (!(FILTER_KEYS as readonly string[]).includes(key)) continue;
    const parsed = orderFiltersSchema.safeParse({ [key]: value });
    if (parsed.success) Object.assign(filters, parsed.data);
  }
  return filters;
}

function withQuery(path: string, params: URLSearchParams): string {
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export function ordersApiUrl(filters: OrderFilters, cursor?: string | null): string {
  return withQuery("/api/orders", filtersToParams(filters, cursor ? { cursor } : {}));
}

export function orderCountsUrl(filters: OrderFilters): string {
  const { status: _status, ...rest } = filters;
  return withQuery("/api/orders/counts", filtersToParams(rest));
}

export function orderExportUrl(filters: OrderFilters): string {
  return withQuery("/api/orders/export", filtersToParams(filters));
}

export function ordersPageUrl(filters: OrderFilters): string {
  return withQuery("/orders", filtersToParams(filters));
}

export function hasFilters(filters: OrderFilters): boolean {
  return FILTER_KEYS.some((key) => key !== "status" && Boolean(filters[key]));
}

/** The order page. */
export function orderHref(id: string): string {
  return `/orders/${id}`;
}
