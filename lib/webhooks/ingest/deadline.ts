// Admission by deadline (docs/webhook-ingest.md, "Overload"). TribeMade waits 5 s for an answer and
// documents no retry schedule, and it has no endpoint that lists orders: a delivery refused may be
// an order the desk never sees. So a delivery is refused only when it could not be answered in time:
// when the time it has already waited plus the work queued ahead of it, at the rate this process is
// measured to get through deliveries, passes ANSWER_BUDGET_MS. Never because some count is reached:
// a burst of a thousand orders is ~1 s of work here and is taken whole.
//
// Plain TypeScript and no "server-only": the production server's gate (server-gate.ts, imported by
// scripts/serve.ts outside Next.js) uses it as well as the group-commit queue. Hand-written because
// it is a few lines of arithmetic; load-shedding libraries bound a concurrency or a rate.

/**
 * Half of TribeMade's 5 s timeout: a delivery admitted at the edge of the estimate is answered about
 * 1 s before ingest's own 3.5 s deadline (ingest.ts), so an estimate that is off by 40 % still answers
 * in time; the other half covers the network and the sender's own clock.
 */
export const ANSWER_BUDGET_MS = 2_500;

/**
 * Time per delivery assumed until enough was measured: ~1,000 deliveries/s, what one process
 * commits here (docs/benchmarks.md). It fills in for the finishes still missing from a full
 * measurement (MIN_FINISHES), so the first few of a burst cannot swing the estimate either way.
 */
const PRIOR_MS = 1;
const MIN_FINISHES = 64;
/** The rate is read from at most this many recent finishes: several group commits' worth, smooth. */
const MAX_FINISHES = 1_024;
/**
 * The rate is only measured while at least this many deliveries are in hand. With one or two in
 * flight, time between finishes is the time between arrivals, not the rate a queue drains at; and
 * a process that drops below it has no queue, so what it measured before no longer applies.
 */
const SATURATED = 8;

export type ServiceMeter = {
  /** A delivery was admitted. */
  start(): void;
  /** An admitted delivery was answered (or its sender left). */
  finish(): void;
  /** Admitted and not answered yet. */
  inHand(): number;
  /** Measured time per delivery while the process is saturated, ms. */
  serviceMs(): number;
  /** Estimated time until one more delivery admitted now is answered, ms. */
  waitMs(): number;
  /** How long deliveries have been in hand with none finishing, ms (0 when none is in hand). */
  stalledMs(): number;
};

/**
 * Time per delivery: the span from the oldest of the recent finishes (while saturated) to now, over
 * their count. Measured from finishes, not from busy time: the first moments of a burst are spent
 * reading a thousand requests, before anything can finish, and busy time spread over the first few
 * finishes made a burst the server answers in 0.6 s look like 5 s of work (139 of 1,000 refused).
 * The span runs to now, so a queue that stops draining makes the estimate grow; and a queue that
 * has not moved at all for the whole budget (a database that stopped answering before anything was
 * measured) refuses on its own (pastBudget).
 */
export function createServiceMeter(now: () => number = () => performance.now()): ServiceMeter {
  let inHand = 0;
  const finishes: number[] = [];
  let lastProgress = now();

  const serviceMs = () => {
    const oldest = finishes[0];
    if (oldest === undefined) return PRIOR_MS;
    const missing = Math.max(0, MIN_FINISHES - finishes.length);
    return (now() - oldest + missing * PRIOR_MS) / (finishes.length + missing);
  };

  return {
    start() {
      if (inHand === 0) lastProgress = now();
      inHand++;
    },
    finish() {
      const at = now();
      if (inHand >= SATURATED) {
        finishes.push(at);
        if (finishes.length > MAX_FINISHES) finishes.shift();
      } else finishes.length = 0;
      inHand = Math.max(0, inHand - 1);
      lastProgress = at;
    },
    inHand: () => inHand,
    serviceMs,
    waitMs: () => (inHand + 1) * serviceMs(),
    stalledMs: () => (inHand > 0 ? now() - lastProgress : 0),
  };
}

/** Whether a delivery that has already waited `waitedMs` would be answered after the budget. */
export function pastBudget(meter: ServiceMeter, waitedMs: number): boolean {
  return waitedMs + meter.waitMs() > ANSWER_BUDGET_MS || meter.stalledMs() > ANSWER_BUDGET_MS;
}
