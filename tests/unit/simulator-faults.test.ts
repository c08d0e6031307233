import { describe, expect, it } from "vitest";
import { createFaultState, planFaults, takeForced429 } from "@/lib/tribemade/simulator/faults";
import { createRandom } from "@/lib/tribemade/simulator/random";

describe("simulator faults", () => {
  it("a store's own setting of a kind replaces the global one", () => {
    const faults = createFaultState();
    faults.global.latencyMs = 100;
    faults.global.error5xx = { rate: 1, status: 503, phase: "before" };
    faults.byStore.set("s1", { latencyMs: 5 });
    const random = createRandom(1);
    expect(planFaults(faults, "s1", random)).toEqual({ latencyMs: 5, error5xx: { status: 503, phase: "before" }, hang: null });
    expect(planFaults(faults, "s2", random).latencyMs).toBe(100);
    expect(planFaults(faults, null, random).latencyMs).toBe(100);
  });

  it("rolls the 5xx rate", () => {
    const faults = createFaultState();
    faults.global.error5xx = { rate: 0.25, status: 500, phase: "before" };
    const random = createRandom(3);
    const hits = Array.from({ length: 4000 }, () => planFaults(faults, null, random).error5xx).filter(Boolean).length;
    expect(hits / 4000).toBeGreaterThan(0.2);
    expect(hits / 4000).toBeLessThan(0.3);
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
