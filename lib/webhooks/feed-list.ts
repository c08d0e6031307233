import type { DeliveryPageDto, DeliveryRowDto } from "@/lib/webhooks/schemas";

// The deliveries feed's merge rules, kept apart from the hook that polls (useDeliveriesFeed):
// polled newest pages add rows (marked fresh), "Load more" appends older pages, a filter change
// starts over, and a burst bigger than a page never leaves a hole. Pure and client-safe.

export type DeliveriesFeedState = {
  key: string;
  rows: DeliveryRowDto[];
  /** Where "Load more" continues; null when the oldest row is loaded. */
  tail: string | null;
  fresh: Set<string>;
  /** A first page has arrived for this key: rows after it are "new". */
  loaded: boolean;
};

export type DeliveriesFeedAction =
  | { type: "head"; key: string; page: DeliveryPageDto }
  | { type: "older"; key: string; page: DeliveryPageDto }
  | { type: "settle"; ids: string[] };

const byNewest = (a: DeliveryRowDto, b: DeliveryRowDto) =>
  a.receivedAt === b.receivedAt ? (a.id < b.id ? 1 : -1) : a.receivedAt < b.receivedAt ? 1 : -1;

function merge(rows: DeliveryRowDto[], more: DeliveryRowDto[]): DeliveryRowDto[] {
  const known = new Set(rows.map((row) => row.id));
  return [...rows, ...more.filter((row) => !known.has(row.id))].sort(byNewest);
}

/** How a poll, a "Load more" page or the end of a highlight changes the list. */
export function deliveriesFeedReducer(state: DeliveriesFeedState, action: DeliveriesFeedAction): DeliveriesFeedState {
  if (action.type === "settle") {
    const fresh = new Set(state.fresh);
    for (const id of action.ids) fresh.delete(id);
    return { ...state, fresh };
  }
  const { key, page } = action;
  if (key !== state.key || !state.loaded) return { key, rows: page.items, tail: page.nextCursor, fresh: new Set(), loaded: true };
  if (action.type === "older") return { ...state, rows: merge(state.rows, page.items), tail: page.nextCursor };

  const known = new Set(state.rows.map((row) => row.id));
  const added = page.items.filter((row) => !known.has(row.id));
  // More new rows than one page arrived between two polls: the rows in between are unknown, so
  // start over from this page rather than show a list with a hole in it.
  if (state.rows.length > 0 && added.length === page.items.length && page.nextCursor) {
    return { key, rows: page.items, tail: page.nextCursor, fresh: new Set(added.map((row) => row.id)), loaded: true };
  }
  if (added.length === 0) return state;
  const fresh = new Set(state.fresh);
  for (const row of added) fresh.add(row.id);
  return { ...state, rows: merge(state.rows, added), fresh };
}
