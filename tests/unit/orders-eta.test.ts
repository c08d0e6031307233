import { describe, expect, it } from "vitest";
import { describeBudget, etaMs, formatDuration, formatEta, type BudgetSnapshot } from "@/lib/orders/eta";

const now = Date.parse("2026-12-01T10:00:00Z");
const s = (seconds: number) => seconds * 1000;
const budget = (over: Partial<BudgetSnapshot>): BudgetSnapshot => ({
  used: 0,
  limit: 20,
  resetsAt: null,
  blockedUntil: null,
  ...over,
});

describe("bulk ETA at TribeMade's 20 status changes a minute", () => {
  it("without a budget reading, is the plain pace: 38 orders → about 1 min 54 s (the issue's example)", () => {
    const ms = etaMs({ count: 38, budget: null, now });
    expect(ms).toBe(s(114));
    expect(formatEta(38, ms)).toBe("38 orders: about 1 min 54 s");
  });

  it("sends what fits in the budget left once the undo window has passed", () => {
    expect(etaMs({ count: 6, budget: budget({ used: 14, resetsAt: now + s(23) }), now })).toBe(s(5));
    // Nothing sent lately: a whole minute's budget is available.
    expect(etaMs({ count: 20, budget: budget({}), now })).toBe(s(5));
    expect(etaMs({ count: 1, budget: null, now })).toBe(s(5));
  });

  it("spills the rest into the next windows, 20 at each reset", () => {
    // 14 used, resets in 23 s: 6 go now, 20 at +23 s, 12 at +83 s.
    expect(etaMs({ count: 38, budget: budget({ used: 14, resetsAt: now + s(23) }), now })).toBe(s(83));
    // 26 = 6 now + 20 at the reset: done at the reset.
    expect(etaMs({ count: 26, budget: budget({ used: 14, resetsAt: now + s(23) }), now })).toBe(s(23));
    expect(etaMs({ count: 27, budget: budget({ used: 14, resetsAt: now + s(23) }), now })).toBe(s(83));
    // None open: the first send opens a window that ends a minute later.
    expect(etaMs({ count: 38, budget: budget({}), now })).toBe(s(65));
    expect(etaMs({ count: 100, budget: budget({}), now })).toBe(s(5 + 4 * 60));
  });

  it("counts the store's pushes already queued ahead", () => {
    expect(etaMs({ count: 1, queuedAhead: 20, budget: budget({}), now })).toBe(s(65));
    expect(etaMs({ count: 10, queuedAhead: 28, budget: null, now })).toBe(s(114));
  });

  it("waits out a 429 block, then sends a full window at a time", () => {
    const blocked = budget({ used: 20, resetsAt: now + s(10), blockedUntil: now + s(40) });
    expect(etaMs({ count: 5, budget: blocked, now })).toBe(s(40));
    expect(etaMs({ count: 25, budget: blocked, now })).toBe(s(100));
  });

  it("treats a window that resets during the undo window as fresh", () => {
    expect(etaMs({ count: 20, budget: budget({ used: 20, resetsAt: now + s(3) }), now })).toBe(s(5));
    expect(etaMs({ count: 21, budget: budget({ used: 20, resetsAt: now + s(3) }), now })).toBe(s(65));
  });

  it("is zero for nothing to send", () => {
    expect(etaMs({ count: 0, budget: null, now })).toBe(0);
  });
});

describe("formatting", () => {
  it.each([
    [0, "0 s"],
    [s(5), "5 s"],
    [s(59.6), "1 min"],
    [s(114), "1 min 54 s"],
    [s(120), "2 min"],
    [s(3600), "1 h"],
    [s(3900), "1 h 5 min"],
  ])("%d ms → %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it("groups counts the Indian way and says order for one", () => {
    expect(formatEta(1, s(5))).toBe("1 order: about 5 s");
    expect(formatEta(100000, s(300_000))).toBe("1,00,000 orders: about 83 h 20 min");
  });

  it("describes the quota meter's budget", () => {
    expect(describeBudget(budget({ used: 14, resetsAt: now + s(23) }), now)).toBe("14/20 this minute, resets in 23 s");
    expect(describeBudget(budget({ used: 20, resetsAt: now - 1 }), now)).toBe("0/20 this minute");
    expect(describeBudget(budget({ used: 20, resetsAt: now + s(5), blockedUntil: now + s(42) }), now)).toBe(
      "TribeMade asked us to wait: sending again in 42 s",
    );
  });
});
