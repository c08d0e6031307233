import { describe, expect, it } from "vitest";
import { childPath, diffJson } from "@/lib/webhooks/json-diff";

describe("childPath", () => {
  it("dots identifiers, brackets indexes and quotes other keys", () => {
    expect(childPath("", "customer")).toBe("customer");
    expect(childPath("customer", "email")).toBe("customer.email");
    expect(childPath("order_details.custom_questions", 0)).toBe("order_details.custom_questions[0]");
    expect(childPath("a", "odd key")).toBe('a["odd key"]');
    expect(childPath("", "2x")).toBe('["2x"]');
  });
});

describe("diffJson", () => {
  const base = {
    event: "order.created",
    order_id: "770e8400-e29b-41d4-a716-446655440789",
    customer: { name: "Rahul Sharma", email: "rahul@example.in", number: "9876543210" },
    order_details: { quantity: 2, amount: 2048, custom_questions: [{ q: "Gift?", a: "yes" }] },
  };

  it("finds nothing between equal documents, whatever the key order", () => {
    const reordered = JSON.parse(
      JSON.stringify({ order_details: base.order_details, customer: base.customer, order_id: base.order_id, event: base.event }),
    );
    expect(diffJson(base, reordered)).toEqual([]);
    expect(diffJson(JSON.parse('{"amount":2048.00}'), JSON.parse('{"amount":2048}'))).toEqual([]);
  });

  it("reports added, removed and changed paths in document order", () => {
    const after = structuredClone(base) as Record<string, unknown> & typeof base;
    after.customer.email = "rahul.s@example.in";
    delete (after.customer as Partial<typeof base.customer>).number;
    after.order_details.custom_questions.push({ q: "Note", a: "" });
    after.store_id = "550e8400-e29b-41d4-a716-446655440000";
    expect(diffJson(base, after)).toEqual([
      { path: "customer.email", kind: "changed", before: "rahul@example.in", after: "rahul.s@example.in" },
      { path: "customer.number", kind: "removed", before: "9876543210" },
      { path: "order_details.custom_questions[1]", kind: "added", after: { q: "Note", a: "" } },
      { path: "store_id", kind: "added", after: "550e8400-e29b-41d4-a716-446655440000" },
    ]);
  });

  it("treats a change of type as one change, not a walk into either side", () => {
    expect(diffJson({ a: { b: 1 } }, { a: [1] })).toEqual([{ path: "a", kind: "changed", before: { b: 1 }, after: [1] }]);
    expect(diffJson({ a: null }, { a: {} })).toEqual([{ path: "a", kind: "changed", before: null, after: {} }]);
    expect(diffJson({ a: 1 }, { a: "1" })).toEqual([{ path: "a", kind: "changed", before: 1, after: "1" }]);
  });

  it("diffs roots that are not objects", () => {
    expect(diffJson(1, 2)).toEqual([{ path: "(root)", kind: "changed", before: 1, after: 2 }]);
    expect(diffJson([1, 2], [1])).toEqual([{ path: "[1]", kind: "removed", before: 2 }]);
  });

  it("handles __proto__ as an ordinary key", () => {
    const before = JSON.parse('{"__proto__":{"polluted":1},"x":1}');
    const after = JSON.parse('{"__proto__":{"polluted":2},"x":1}');
    expect(diffJson(before, after)).toEqual([{ path: "__proto__.polluted", kind: "changed", before: 1, after: 2 }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("survives very deep nesting without recursion", () => {
    const depth = 20_000;
    const deep = (leaf: number) => JSON.parse(`${"[".repeat(depth)}${leaf}${"]".repeat(depth)}`);
    const [entry] = diffJson(deep(1), deep(2));
    expect(entry?.kind).toBe("changed");
    expect(entry?.path.length).toBe(depth * 3);
  });

  it("stops at the limit", () => {
    const a = Array.from({ length: 5_000 }, (_, index) => index);
    const b = a.map((value) => value + 1);
    expect(diffJson(a, b, 100)).toHaveLength(100);
  });
});
