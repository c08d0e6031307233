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
    clock.now += 2_000;
    expect(pastBudget(meter, 0)).toBe(false);
    clock.now += 1_000;
    expect(pastBudget(meter, 0)).toBe(true);
  });

  it("grows when a draining queue stops: the span since its recent finishes runs to now", () => {
    const { clock, meter } = meterAt();
    for (let i = 0; i < 600; i++) meter.start();
    for (let i = 0; i < 100; i++) {
      clock.now += 1;
      meter.finish();
    }
    expect(meter.serviceMs()).toBeCloseTo(1, 0);
    clock.now += 500;
    expect(meter.serviceMs()).toBeGreaterThan(5);
    expect(pastBudget(meter, 0)).toBe(true);
  });

  it("takes a burst whole: the time spent reading it before anything finishes is not service time", () => {
    const { clock, meter } = meterAt();
    // 1,000 requests read over 300 ms, none answered yet; then group commits of 8 and 500.
    for (let i = 0; i < 1_000; i++) {
      meter.start();
      clock.now += 0.3;
      expect(pastBudget(meter, 0)).toBe(false);
    }
    for (let i = 0; i < 8; i++) meter.finish();
    expect(meter.serviceMs()).toBeLessThan(1);
    clock.now += 50;
    for (let i = 0; i < 500; i++) meter.finish();
    expect(meter.serviceMs()).toBeLessThan(0.2);
    expect(pastBudget(meter, 300)).toBe(false);
  });

  it("forgets a slow spell once the queue is gone: the next burst starts from the prior", () => {
    const { clock, meter } = meterAt();
    for (let i = 0; i < 100; i++) meter.start();
    for (let i = 0; i < 100; i++) {
      clock.now += 30;
      meter.finish();
    }
    expect(meter.inHand()).toBe(0);
    for (let i = 0; i < 100; i++) meter.start();
    expect(meter.serviceMs()).toBe(1);
  });

  it("adds the time a delivery already waited unread", () => {
    const { meter } = meterAt();
    expect(pastBudget(meter, ANSWER_BUDGET_MS - 10)).toBe(false);
    expect(pastBudget(meter, ANSWER_BUDGET_MS)).toBe(true);
  });
});
