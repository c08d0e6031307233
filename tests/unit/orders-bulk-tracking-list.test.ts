import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bulkStatusSchema, MAX_BULK_ORDERS } from "@/lib/orders/status-schemas";
import { matchRefs, refMatches } from "@/lib/orders/tracking-list";

// Bulk "Mark dispatched" takes a pasted list of order reference → tracking link. The list is
// bounded like the selection, and matched through a map, so one request cannot buy seconds of CPU.

const LINK = "https://www.delhivery.com/track/package/1610000000001";
const selection = { status: "dispatched" as const, orders: [{ id: randomUUID() }] };

function listOf(size: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: size }, (_, i) => [i.toString(16).padStart(8, "0"), LINK]));
}

describe("bulk dispatch's tracking list", () => {
  it("takes as many lines as a bulk action takes orders, and refuses one more", () => {
    expect(bulkStatusSchema.safeParse({ ...selection, tracking: listOf(MAX_BULK_ORDERS) }).success).toBe(true);
    const over = bulkStatusSchema.safeParse({ ...selection, tracking: listOf(MAX_BULK_ORDERS + 1) });
    expect(over.success).toBe(false);
    expect(over.error?.issues.map((issue) => issue.message)).toEqual(["Paste at most 1,000 tracking lines at once."]);
  });

  it("refuses a key that is not an order reference", () => {
    for (const ref of ["zzzzzzzz", "-abcdef", "abc", "3f2a9c1e 1", "a".repeat(37)]) {
      expect(bulkStatusSchema.safeParse({ ...selection, tracking: { [ref]: LINK } }).success, ref).toBe(false);
    }
    expect(bulkStatusSchema.safeParse({ ...selection, tracking: { "3F2A-9C1E": LINK } }).success).toBe(true);
  });

  it("matches every reference to the orders it is a prefix of, as refMatches does one by one", () => {
    const ids = Array.from({ length: 200 }, () => randomUUID());
    const refs = [
      ...ids.slice(0, 50).map((id) => id.slice(0, 8)),
      ids[60]!.toUpperCase(),
      ids[61]!.replaceAll("-", "").slice(0, 20),
      ids[62]!.slice(0, 8),
      ids[62]!.slice(0, 10),
      "0",
      "ffffffffffff",
    ];
    const matches = matchRefs(refs, ids);
    for (const id of ids) {
      expect(matches.get(id)?.toSorted()).toEqual(refs.filter((ref) => refMatches(ref, id)).toSorted());
    }
  });
});
