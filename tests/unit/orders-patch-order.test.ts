import { describe, expect, it } from "vitest";
import { findOrderIn, patchOrderIn } from "@/lib/orders/patch-order";

const order = (id: string, status = "started") => ({ id, status, version: 0, sync: "synced", customerName: "Asha" });

describe("patching an order wherever it is cached", () => {
  it("patches it in an infinite feed, leaving every other object as it was", () => {
    const pageA = { items: [order("a"), order("b")], nextCursor: "x" };
    const pageB = { items: [order("c")], nextCursor: null };
    const data = { pages: [pageA, pageB], pageParams: [null, "x"] };
    const next = patchOrderIn(data, "b", { status: "processing", sync: "pending", version: 1 });
    expect(next.pages[0]?.items[1]).toEqual({ ...order("b"), status: "processing", sync: "pending", version: 1 });
    expect(next.pages[0]?.items[0]).toBe(pageA.items[0]);
    expect(next.pages[1]).toBe(pageB);
    expect(data.pages[0]?.items[1]?.status).toBe("started");
  });

  it("patches the order page's object and nested copies", () => {
    const detail = { order: order("a"), timeline: [{ id: 1, type: "received" }] };
    const next = patchOrderIn(detail, "a", { status: "cancelled" });
    expect(next.order.status).toBe("cancelled");
    expect(next.timeline).toBe(detail.timeline);
  });

  it("returns the same reference when nothing changes", () => {
    const data = { items: [order("a")] };
    expect(patchOrderIn(data, "zzz", { status: "processing" })).toBe(data);
    expect(patchOrderIn(data, "a", { status: "started" })).toBe(data);
    expect(patchOrderIn(undefined, "a", { status: "processing" })).toBeUndefined();
  });

  it("ignores objects that share the id but are not orders, and class instances", () => {
    const data = { event: { id: "a", type: "received" }, when: new Date(0) };
    expect(patchOrderIn(data, "a", { status: "processing" })).toBe(data);
  });

  it("finds the current copy for rollback", () => {
    expect(findOrderIn({ pages: [{ items: [order("a"), order("b", "processing")] }] }, "b")).toMatchObject({
      status: "processing",
    });
    expect(findOrderIn({ pages: [] }, "b")).toBeNull();
  });
});
