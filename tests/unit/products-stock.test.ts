// The stock ledger's arithmetic (lib/products/stock/plan.ts): entries applied in order, clamped at
// 0; what a read after a lost answer says; when a low-stock alert is raised, cleared, and when the
// "hide at 0" rule hides or shows.
import { describe, expect, it } from "vitest";
import { lowStockChange, planStock, settleSent, type LedgerEntry } from "@/lib/products/stock/plan";

const entry = (id: string, change: LedgerEntry["change"], quantity: number): LedgerEntry => ({ id, change, quantity });

describe("planStock", () => {
  it("lowers by sales, raises by restocks and replaces by a set, in order", () => {
    const plan = planStock(10, [entry("1", "sale", 2), entry("2", "restock", 1), entry("3", "set", 20), entry("4", "sale", 3)]);
    expect(plan.target).toBe(17);
    expect(plan.steps.map((s) => [s.before, s.after, s.clamped])).toEqual([
      [10, 8, false],
      [8, 9, false],
      [9, 20, false],
      [20, 17, false],
    ]);
  });

  it("clamps a sale that would go below 0 at 0, says so, and later changes start from 0", () => {
    const plan = planStock(2, [entry("1", "sale", 5), entry("2", "restock", 1)]);
    expect(plan.steps).toEqual([
      { id: "1", before: 2, after: 0, clamped: true },
      { id: "2", before: 0, after: 1, clamped: false },
    ]);
    expect(plan.target).toBe(1);
  });

  it("treats a negative stock read from TribeMade as 0", () => {
    expect(planStock(-3, [entry("1", "restock", 2)]).target).toBe(2);
  });

  it("plans nothing for no entries", () => {
    expect(planStock(4, [])).toEqual({ target: 4, steps: [] });
  });
});

describe("settleSent", () => {
  it("landed when TribeMade shows what was sent", () => expect(settleSent(6, 10, 6)).toBe("landed"));
  it("not landed when TribeMade still shows the stock before", () => expect(settleSent(10, 10, 6)).toBe("not_landed"));
  it("unclear when TribeMade shows something else: never sent again", () => expect(settleSent(50, 10, 6)).toBe("unclear"));
  it("landed when the send changed nothing", () => expect(settleSent(5, 5, 5)).toBe("landed"));
});

describe("lowStockChange", () => {
  const base = { threshold: 5, lowStockSince: null, hideAtZero: false, isActive: true, hiddenAtZero: false };

  it("raises one alert on crossing to the threshold, not again while low", () => {
    expect(lowStockChange({ ...base, stock: 5 }).alert).toBe("raise");
    expect(lowStockChange({ ...base, stock: 3, lowStockSince: new Date() }).alert).toBeNull();
  });

  it("clears it when restocked above the threshold", () => {
    expect(lowStockChange({ ...base, stock: 6, lowStockSince: new Date() }).alert).toBe("clear");
    expect(lowStockChange({ ...base, stock: 6 }).alert).toBeNull();
  });

  it("knows nothing about a product never read", () => {
    expect(lowStockChange({ ...base, stock: null })).toEqual({ alert: null, visibility: null });
  });

  it("hides at 0 only with the rule on, and shows again only what it hid", () => {
    expect(lowStockChange({ ...base, stock: 0 }).visibility).toBeNull();
    expect(lowStockChange({ ...base, stock: 0, hideAtZero: true }).visibility).toBe("hide");
    expect(lowStockChange({ ...base, stock: 0, hideAtZero: true, isActive: false }).visibility).toBeNull();
    expect(lowStockChange({ ...base, stock: 4, hideAtZero: true, isActive: false, hiddenAtZero: true }).visibility).toBe("show");
    expect(lowStockChange({ ...base, stock: 4, hideAtZero: true, isActive: false }).visibility).toBeNull();
  });
});
