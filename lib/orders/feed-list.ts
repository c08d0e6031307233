import { filterRange } from "@/lib/orders/ist-days";
import type { OrderFilters, OrderPageDto, OrderRowDto } from "@/lib/orders/schemas";

// The live feed's merge rules, apart from the hook that feeds them (useOrdersFeed): the newest page
// arrives again whenever something changed (new rows are marked fresh, or held behind the "N new
// orders" pill while the merchant has scrolled away), a new order the filters are known to match
// goes straight in from the stream (no page read), the stream patches changed rows in place,
// "Load more" appends older pages, and a filter change starts over. Pure and client-safe.

export type OrdersFeedState = {
  key: string;
  rows: OrderRowDto[];
  /** Where "Load more" continues; null when the oldest row is loaded. */
  tail: string | null;
  /** Rows to highlight (arrived live). */
  fresh: Set<string>;
  /** New rows waiting behind the pill, newest first. */
  held: OrderRowDto[];
  /** A first page has arrived for this key: rows after it are "new". */
  loaded: boolean;
};

export type OrdersFeedAction =
  /** The newest page; `hold` when the merchant is not looking at the top. */
  | { type: "head"; key: string; page: OrderPageDto; hold: boolean }
  | { type: "older"; key: string; page: OrderPageDto }
  /** A changed row from the stream (status, sync, verification, product). */
  | { type: "patch"; order: OrderRowDto }
  /** A new order from the stream that the current filters are known to match. */
  | { type: "arrived"; key: string; order: OrderRowDto; hold: boolean }
  /** Show the held rows (the pill was clicked, or the merchant scrolled back up). */
  | { type: "release" }
  | { type: "settle"; ids: string[] };

export function emptyOrdersFeed(key: string): OrdersFeedState {
  return { key, rows: [], tail: null, fresh: new Set(), held: [], loaded: false };
}

const byNewest = (a: OrderRowDto, b: OrderRowDto) =>
  a.receivedAt === b.receivedAt ? (a.id < b.id ? 1 : -1) : a.receivedAt < b.receivedAt ? 1 : -1;

/** The newer of two copies of a row (a stream patch may arrive before or after a page). */
function newer(current: OrderRowDto, incoming: OrderRowDto): OrderRowDto {
  if (incoming.version !== current.version) return incoming.version > current.version ? incoming : current;
  return incoming.updatedAt >= current.updatedAt ? incoming : current;
}

export function ordersFeedReducer(state: OrdersFeedState, action: OrdersFeedAction): OrdersFeedState {
  switch (action.type) {
    case "settle": {
      const fresh = new Set(state.fresh);
      for (const id of action.ids) fresh.delete(id);
      return { ...state, fresh };
    }
    case "release": {
      if (state.held.length === 0) return state;
      const fresh = new Set(state.fresh);
      for (const row of state.held) fresh.add(row.id);
      return { ...state, rows: mergeRows(state.rows, state.held), held: [], fresh };
    }
    case "patch": {
      const replace = (row: OrderRowDto) => (row.id === action.order.id ? newer(row, action.order) : row);
      if (!state.rows.some((row) => row.id === action.order.id) && !state.held.some((row) => row.id === action.order.id)) {
        return state;
      }
      return { ...state, rows: state.rows.map(replace), held: state.held.map(replace) };
    }
    case "arrived": {
      if (action.key !== state.key || !state.loaded) return state;
      if ([...state.rows, ...state.held].some((row) => row.id === action.order.id)) {
        return ordersFeedReducer(state, { type: "patch", order: action.order });
      }
      if (action.hold) return { ...state, held: mergeRows(state.held, [action.order]) };
      return { ...state, rows: mergeRows(state.rows, [action.order]), fresh: new Set([...state.fresh, action.order.id]) };
    }
    case "older": {
      if (action.key !== state.key || !state.loaded) return state;
      return { ...state, rows: mergeRows(state.rows, action.page.items), tail: action.page.nextCursor };
    }
    case "head":
      return applyHead(state, action.key, action.page, action.hold);
  }
}

function mergeRows(rows: OrderRowDto[], more: OrderRowDto[]): OrderRowDto[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const row of more) {
    const current = byId.get(row.id);
    byId.set(row.id, current ? newer(current, row) : row);
  }
  return [...byId.values()].sort(byNewest);
}

function applyHead(state: OrdersFeedState, key: string, page: OrderPageDto, hold: boolean): OrdersFeedState {
  if (key !== state.key || !state.loaded) {
    return { key, rows: page.items, tail: page.nextCursor, fresh: new Set(), held: [], loaded: true };
  }
  const inPage = new Map(page.items.map((row) => [row.id, row]));
  const known = new Set([...state.rows, ...state.held].map((row) => row.id));
  const added = page.items.filter((row) => !known.has(row.id));
  // More new rows than one page arrived at once: the rows in between are unknown, so start over
  // from this page rather than show a list with a hole in it.
  if (state.rows.length > 0 && added.length === page.items.length && page.nextCursor) {
    return { key, rows: page.items, tail: page.nextCursor, fresh: new Set(), held: [], loaded: true };
  }
  // Rows the page's window covers but the page no longer has stopped matching the filter (an order
  // left "To process" when it was marked processing): drop them. Older rows cannot be checked.
  const oldest = page.nextCursor ? page.items.at(-1) : undefined;
  const covered = (row: OrderRowDto) => !oldest || byNewest(row, oldest) <= 0;
  const keep = (row: OrderRowDto) => inPage.has(row.id) || !covered(row);
  const refreshed = state.rows.filter(keep).map((row) => newer(row, inPage.get(row.id) ?? row));
  const held = state.held.filter(keep).map((row) => newer(row, inPage.get(row.id) ?? row));
  if (added.length === 0) {
    const same = refreshed.length === state.rows.length && refreshed.every((row, index) => row === state.rows[index]);
    return same && held.length === state.held.length ? state : { ...state, rows: refreshed, held };
  }
  if (hold) return { ...state, rows: refreshed, held: mergeRows(held, added) };
  const fresh = new Set(state.fresh);
  for (const row of added) fresh.add(row.id);
  return { ...state, rows: mergeRows(refreshed, added), held, fresh };
}

/**
 * Whether a row matches the filters, decided in the browser: yes or no for every filter but the
 * search text, which only the server can apply (null: ask the server).
 */
export function matchesFilters(order: OrderRowDto, filters: OrderFilters, now = new Date()): boolean | null {
  if (filters.q) return null;
  if (filters.status && order.status !== filters.status) return false;
  if (filters.verification ? order.verification !== filters.verification : order.verification === "not_found") return false;
  if (filters.sync && order.sync !== filters.sync) return false;
  if (filters.tag && !order.tags.some((tag) => tag.id === filters.tag)) return false;
  const range = filterRange(filters, now);
  const at = Date.parse(order.receivedAt);
  if (range?.from && at < range.from.getTime()) return false;
  if (range?.to && at >= range.to.getTime()) return false;
  return true;
}
