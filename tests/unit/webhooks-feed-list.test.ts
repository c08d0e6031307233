import { describe, expect, it } from "vitest";
import { deliveriesFeedReducer, type DeliveriesFeedState } from "@/lib/webhooks/feed-list";
import type { DeliveryRowDto } from "@/lib/webhooks/schemas";

// The live list's merge rules: polled newest pages add rows (marked fresh), "Load more" appends
// older pages, a filter change starts over, and a burst bigger than a page never leaves a hole.

let clock = Date.parse("2026-11-28T10:00:00Z");
function row(): DeliveryRowDto {
  clock += 1000;
  const id = `00000000-0000-4000-8000-${String(clock).padStart(12, "0").slice(-12)}`;
  return {
    id,
    receivedAt: new Date(clock).toISOString(),
    outcome: "accepted",
    reason: null,
    orderRef: null,
    orderId: null,
    customerName: null,
    endpointId: "e",
    endpointLabel: "TribeMade",
    ackMs: 1,
    bodySize: 500,
    replayOfId: null,
  };
}

const newestFirst = (rows: DeliveryRowDto[]) => [...rows].reverse();
const empty: DeliveriesFeedState = { key: "k", rows: [], tail: null, fresh: new Set(), loaded: false };

describe("deliveriesFeedReducer", () => {
  it("takes the first page as is, with nothing marked new", () => {
    const rows = newestFirst([row(), row()]);
    const state = deliveriesFeedReducer(empty, { type: "head", key: "k", page: { items: rows, nextCursor: "c1" } });
    expect(state.rows).toEqual(rows);
    expect(state.tail).toBe("c1");
    expect(state.fresh.size).toBe(0);
  });

  it("adds rows from later polls on top, marked fresh, and keeps rows that slid off the page", () => {
    const first = newestFirst([row(), row(), row()]);
    let state = deliveriesFeedReducer(empty, { type: "head", key: "k", page: { items: first, nextCursor: "c1" } });
    const added = row();
    // The page size is 3: the oldest of the first page slid off the polled page.
    state = deliveriesFeedReducer(state, {
      type: "head",
      key: "k",
      page: { items: [added, ...first.slice(0, 2)], nextCursor: "c2" },
    });
    expect(state.rows.map((r) => r.id)).toEqual([added.id, ...first.map((r) => r.id)]);
    expect([...state.fresh]).toEqual([added.id]);
    expect(state.tail).toBe("c1");
    expect(deliveriesFeedReducer(state, { type: "settle", ids: [added.id] }).fresh.size).toBe(0);
  });

  it("returns the same state when a poll brings nothing new (no re-render)", () => {
    const first = newestFirst([row(), row()]);
    const state = deliveriesFeedReducer(empty, { type: "head", key: "k", page: { items: first, nextCursor: null } });
    expect(deliveriesFeedReducer(state, { type: "head", key: "k", page: { items: first, nextCursor: null } })).toBe(state);
  });

  it("appends older pages from Load more and follows their cursor", () => {
    const older = newestFirst([row(), row()]);
    const head = newestFirst([row(), row()]);
    let state = deliveriesFeedReducer(empty, { type: "head", key: "k", page: { items: head, nextCursor: "c1" } });
    state = deliveriesFeedReducer(state, { type: "older", key: "k", page: { items: older, nextCursor: null } });
    expect(state.rows.map((r) => r.id)).toEqual([...head, ...older].map((r) => r.id));
    expect(state.tail).toBeNull();
    expect(state.fresh.size).toBe(0);
  });

  it("starts over when more new rows arrived than one page holds", () => {
    const first = newestFirst([row(), row()]);
    let state = deliveriesFeedReducer(empty, { type: "head", key: "k", page: { items: first, nextCursor: null } });
    row(); // a row in the gap that no page returned
    const burst = newestFirst([row(), row()]);
    state = deliveriesFeedReducer(state, { type: "head", key: "k", page: { items: burst, nextCursor: "c9" } });
    expect(state.rows).toEqual(burst);
    expect(state.tail).toBe("c9");
  });

  it("starts over when the filters change", () => {
    const state = deliveriesFeedReducer(empty, {
      type: "head",
      key: "k",
      page: { items: newestFirst([row()]), nextCursor: null },
    });
    const other = newestFirst([row()]);
    const next = deliveriesFeedReducer(state, {
      type: "head",
      key: "outcome=rejected",
      page: { items: other, nextCursor: null },
    });
    expect(next).toMatchObject({ key: "outcome=rejected", rows: other });
    expect(next.fresh.size).toBe(0);
  });
});
