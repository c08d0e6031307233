import { describe, expect, it } from "vitest";
import { createFaultState, latencyOf, startingCredit, takeFault, takeForced429 } from "@/lib/tribemade/simulator/faults";

describe("simulator faults", () => {
  it("a store's own setting of a kind replaces the global one", () => {
    const faults = createFaultState();
    faults.global.latencyMs = 100;
    faults.global.error5xx = { rate: 1, status: 503, phase: "before", credit: 0 };
    faults.byStore.set("s1", { latencyMs: 5 });
    expect(latencyOf(faults, "s1")).toBe(5);
    expect(takeFault(faults, "s1", "error5xx", "before")).toMatchObject({ status: 503 });
    expect(latencyOf(faults, "s2")).toBe(100);
    expect(latencyOf(faults, null)).toBe(100);
    expect(takeFault(faults, "s1", "hang", "before")).toBeNull();
  });

  it("spreads a rate evenly: any 20 calls in a row at 10% meet exactly 2 faults", () => {
    for (const offset of [0, 0.37, 0.999]) {
      const faults = createFaultState();
      faults.global.hang = { rate: 0.1, ms: 1_000, phase: "before", credit: startingCredit(offset) };
      const hits = Array.from({ length: 4000 }, () => takeFault(faults, null, "hang", "before") !== null);
      expect(hits.filter(Boolean)).toHaveLength(400);
      for (let start = 0; start + 20 <= hits.length; start += 7) {
        expect(hits.slice(start, start + 20).filter(Boolean)).toHaveLength(2);
      }
    }
  });

  it("counts only the calls that reach the fault's phase", () => {
    const faults = createFaultState();
    faults.global.error5xx = { rate: 0.5, status: 500, phase: "after", credit: 0 };
    for (let i = 0; i < 10; i += 1) expect(takeFault(faults, null, "error5xx", "before")).toBeNull();
    const after = Array.from({ length: 10 }, () => takeFault(faults, null, "error5xx", "after") !== null);
    expect(after.filter(Boolean)).toHaveLength(5);
  });

  it("a counted 429 storm answers the next N calls, then disarms", () => {
    const faults = createFaultState();
    faults.byStore.set("s1", { forced429: { remainingCalls: 2, untilMs: null, retryAfter: null } });
    expect(takeForced429(faults, "s1", 0)).toBe(1);
    expect(takeForced429(faults, "s1", 0)).toBe(1);
    expect(takeForced429(faults, "s1", 0)).toBeNull();
    expect(faults.byStore.get("s1")).toEqual({});
    expect(takeForced429(faults, "s2", 0)).toBeNull();
  });

  it("a timed 429 storm counts down its own retry_after until it ends", () => {
    const faults = createFaultState();
    faults.global.forced429 = { remainingCalls: null, untilMs: 10_000, retryAfter: null };
    expect(takeForced429(faults, "any", 0)).toBe(10);
    expect(takeForced429(faults, "any", 9_100)).toBe(1);
    expect(takeForced429(faults, "any", 10_000)).toBeNull();
  });

  it("a fixed retry_after wins", () => {
    const faults = createFaultState();
    faults.global.forced429 = { remainingCalls: 1, untilMs: null, retryAfter: 60 };
    expect(takeForced429(faults, null, 0)).toBe(60);
  });
});
