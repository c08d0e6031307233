import { describe, expect, it } from "vitest";
import { emptyOrdersFeed, matchesFilters, ordersFeedReducer, type OrdersFeedState } from "@/lib/orders/feed-list";
import type { OrderRowDto } from "@/lib/orders/schemas";

function row(n: number, overrides: Partial<OrderRowDto> = {}): OrderRowDto {
  const at = new Date(Date.UTC(2026, 10, 28, 10, 0, n)).toISOString();
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    tribemadeOrderId: `10000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
    status: "started",
    verification: "verified",
    sync: "synced",
    syncError: null,
    version: 0,
    customerName: `Customer ${n}`,
    customerPincode: "560001",
    productId: null,
    productName: null,
    productImage: null,
    quantity: 1,
    amount: "100.00",
    trackingUrl: null,
    placedAt: at,
    receivedAt: at,
    updatedAt: at,
    printedAt: null,
    customerId: null,
    customerOrdinal: null,
    tags: [],
    ...overrides,
  };
}

const page = (rows: OrderRowDto[], nextCursor: string | null = null) => ({ items: rows, nextCursor });
const names = (state: OrdersFeedState) => state.rows.map((r) => r.customerName);

function loaded(rows: OrderRowDto[], nextCursor: string | null = null): OrdersFeedState {
  return ordersFeedReducer(emptyOrdersFeed("k"), { type: "head", key: "k", page: page(rows, nextCursor), hold: false });
}

describe("ordersFeedReducer", () => {
  it("the first page is shown as is, nothing marked new", () => {
    const state = loaded([row(3), row(2), row(1)]);
    expect(names(state)).toEqual(["Customer 3", "Customer 2", "Customer 1"]);
    expect(state.fresh.size).toBe(0);
  });

  it("new rows in a later page go on top, highlighted; or wait behind the pill while scrolled away", () => {
    const start = loaded([row(2), row(1)]);
    const shown = ordersFeedReducer(start, { type: "head", key: "k", page: page([row(3), row(2), row(1)]), hold: false });
    expect(names(shown)).toEqual(["Customer 3", "Customer 2", "Customer 1"]);
    expect([...shown.fresh]).toEqual([row(3).id]);

    const held = ordersFeedReducer(start, { type: "head", key: "k", page: page([row(3), row(2), row(1)]), hold: true });
    expect(names(held)).toEqual(["Customer 2", "Customer 1"]);
    expect(held.held.map((r) => r.id)).toEqual([row(3).id]);
    const released = ordersFeedReducer(held, { type: "release" });
    expect(names(released)).toEqual(["Customer 3", "Customer 2", "Customer 1"]);
    expect(released.held).toEqual([]);
    expect(released.fresh.has(row(3).id)).toBe(true);
  });

  it("an arrival from the stream goes in without a page read, once", () => {
    const start = loaded([row(2), row(1)]);
    const arrived = ordersFeedReducer(start, { type: "arrived", key: "k", order: row(3), hold: false });
    expect(names(arrived)).toEqual(["Customer 3", "Customer 2", "Customer 1"]);
    const again = ordersFeedReducer(arrived, { type: "arrived", key: "k", order: row(3), hold: false });
    expect(again.rows).toHaveLength(3);
    // For another filter's list (a stale event), nothing happens.
    expect(ordersFeedReducer(start, { type: "arrived", key: "other", order: row(3), hold: false })).toBe(start);
  });

  it("patches a changed row in place, never with an older copy", () => {
    const start = loaded([row(2), row(1)]);
    const processing = row(1, { status: "processing", version: 1, updatedAt: "2026-11-28T11:00:00.000Z" });
    const patched = ordersFeedReducer(start, { type: "patch", order: processing });
    expect(patched.rows[1]?.status).toBe("processing");
    const stale = ordersFeedReducer(patched, { type: "patch", order: row(1) });
    expect(stale.rows[1]?.status).toBe("processing");
    expect(ordersFeedReducer(start, { type: "patch", order: row(9) })).toBe(start);
  });

  it("drops rows the newest page no longer has (they stopped matching), keeps older ones", () => {
    const start = loaded([row(5), row(4), row(3)], "cursor-at-3");
    const older = ordersFeedReducer(start, { type: "older", key: "k", page: page([row(2), row(1)]) });
    expect(names(older)).toHaveLength(5);
    // Order 4 left the filter; the page now reaches down to order 2.
    const next = ordersFeedReducer(older, {
      type: "head",
      key: "k",
      page: page([row(5), row(3), row(2)], "cursor-at-2"),
      hold: false,
    });
    expect(names(next)).toEqual(["Customer 5", "Customer 3", "Customer 2", "Customer 1"]);
  });

  it("a burst bigger than a page starts over rather than leave a hole", () => {
    const start = loaded([row(2), row(1)], null);
    const burst = ordersFeedReducer(start, { type: "head", key: "k", page: page([row(9), row(8)], "cursor-at-8"), hold: false });
    expect(names(burst)).toEqual(["Customer 9", "Customer 8"]);
    expect(burst.tail).toBe("cursor-at-8");
  });

  it("a new filter starts over", () => {
    const start = loaded([row(2), row(1)]);
    const other = ordersFeedReducer(start, { type: "head", key: "k2", page: page([row(7)]), hold: false });
    expect(names(other)).toEqual(["Customer 7"]);
  });
});

describe("matchesFilters", () => {
  const now = new Date("2026-11-28T12:00:00Z");
  it("decides every filter but the search in the browser", () => {
    const order = row(1);
    expect(matchesFilters(order, {}, now)).toBe(true);
    expect(matchesFilters(order, { status: "started" }, now)).toBe(true);
    expect(matchesFilters(order, { status: "processing" }, now)).toBe(false);
    expect(matchesFilters(row(1, { verification: "not_found" }), {}, now)).toBe(false);
    expect(matchesFilters(row(1, { verification: "not_found" }), { verification: "not_found" }, now)).toBe(true);
    expect(matchesFilters(order, { sync: "failed" }, now)).toBe(false);
    expect(matchesFilters(order, { range: "today" }, now)).toBe(true);
    expect(matchesFilters(order, { range: "yesterday" }, now)).toBe(false);
    expect(matchesFilters(order, { q: "kavya" }, now)).toBeNull();
  });
});
