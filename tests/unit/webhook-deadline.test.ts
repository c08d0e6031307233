import { describe, expect, it } from "vitest";
import { ANSWER_BUDGET_MS, createServiceMeter, pastBudget } from "@/lib/webhooks/ingest/deadline";

// The estimate behind admission by deadline (docs/webhook-ingest.md, "Overload"), on the test's clock.

function meterAt() {
  const clock = { now: 0 };
  return { clock, meter: createServiceMeter(() => clock.now) };
}

describe("service meter", () => {
  it("assumes ~1 ms per delivery before measuring: 1,000 deliveries ahead fit the budget", () => {
    const { meter } = meterAt();
    for (let i = 0; i < 1_000; i++) meter.start();
    expect(meter.serviceMs()).toBe(1);
    expect(pastBudget(meter, 0)).toBe(false);
  });

  it("learns the rate a saturated process drains at, and refuses once the queue ahead is longer than the budget", () => {
    const { clock, meter } = meterAt();
    for (let i = 0; i < 800; i++) meter.start();
    // 200 deliveries a second (5 ms each) for three seconds.
    for (let tick = 0; tick < 300; tick++) {
      clock.now += 10;
      meter.finish();
      meter.finish();
      meter.start();
      meter.start();
    }
    expect(meter.serviceMs()).toBeGreaterThan(3.5);
    expect(meter.serviceMs()).toBeLessThan(5);
    expect(meter.inHand()).toBe(800);
    expect(pastBudget(meter, 0)).toBe(true);
    // Half of them answered: ~0.8 s ahead, admitted — unless it already waited two seconds.
    for (let i = 0; i < 400; i++) meter.finish();
    expect(pastBudget(meter, 0)).toBe(false);
    expect(pastBudget(meter, 2_000)).toBe(true);
  });

  it("does not take one delivery's latency for the rate: a slow commit at low load changes nothing", () => {
    const { clock, meter } = meterAt();
    for (let i = 0; i < 100; i++) {
      meter.start();
      clock.now += 20;
      meter.finish();
    }
    expect(meter.serviceMs()).toBe(1);
  });

  it("grows while deliveries are in hand and none finishes, so a stuck database makes it refuse", () => {
    const { clock, meter } = meterAt();
    for (let i = 0; i < 200; i++) meter.start();
    expect(pastBudget(meter, 0)).toBe(false);
    clock.now += 3_000;
    expect(meter.serviceMs()).toBeGreaterThan(15);
    expect(pastBudget(meter, 0)).toBe(true);
  });

  it("forgets a slow spell: after a quiet minute it is back at the prior", () => {
    const { clock, meter } = meterAt();
    for (let i = 0; i < 20; i++) meter.start();
    clock.now += 3_000;
    for (let i = 0; i < 20; i++) meter.finish();
    expect(meter.serviceMs()).toBeGreaterThan(10);
    clock.now += 60_000;
    expect(meter.serviceMs()).toBeCloseTo(1, 3);
  });

  it("adds the time a delivery already waited unread", () => {
    const { meter } = meterAt();
    expect(pastBudget(meter, ANSWER_BUDGET_MS - 10)).toBe(false);
    expect(pastBudget(meter, ANSWER_BUDGET_MS)).toBe(true);
  });
});
