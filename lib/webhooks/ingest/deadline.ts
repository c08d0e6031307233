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
 * Time per delivery assumed before anything was measured: ~1,000 deliveries/s, what one process
 * commits here (docs/benchmarks.md). Weighed as PRIOR_WEIGHT deliveries, so the first few
 * measurements of a cold burst cannot swing the estimate either way.
 */
const PRIOR_MS = 1;
const PRIOR_WEIGHT = 64;
/** Measurements lose half their weight per this much time: a database that slows down is noticed within a second or two. */
const HALF_LIFE_MS = 1_000;
/**
 * Time is only measured while at least this many deliveries are in hand. With one or two in flight,
 * busy time per delivery is a single delivery's latency (a commit, ~2–5 ms), not the rate at which a
 * queue drains, and would make the first burst after a quiet spell look five times longer than it is.
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
};

/** Time per delivery: busy time over deliveries finished, both decaying with HALF_LIFE_MS. */
export function createServiceMeter(now: () => number = () => performance.now()): ServiceMeter {
  let inHand = 0;
  let busyMs = 0;
  let finished = 0;
  let last = now();

  const account = () => {
    const at = now();
    const elapsed = Math.max(0, at - last);
    last = at;
    const decay = 2 ** (-elapsed / HALF_LIFE_MS);
    busyMs *= decay;
    finished *= decay;
    // The busy stretch itself, decayed as it went: the integral of 2^(-t/H) over it.
    if (inHand >= SATURATED) busyMs += (HALF_LIFE_MS / Math.LN2) * (1 - decay);
  };
  // Busy time still running without a finish counts too: a database that stopped answering makes
  // the estimate grow until deliveries are refused, instead of admitting into a queue that never drains.
  const serviceMs = () => {
    account();
    return (busyMs + PRIOR_MS * PRIOR_WEIGHT) / (finished + PRIOR_WEIGHT);
  };

  return {
    start() {
      account();
      inHand++;
    },
    finish() {
      account();
      if (inHand >= SATURATED) finished++;
      inHand = Math.max(0, inHand - 1);
    },
    inHand: () => inHand,
    serviceMs,
    waitMs: () => (inHand + 1) * serviceMs(),
  };
}

/** Whether a delivery that has already waited `waitedMs` would be answered after the budget. */
export function pastBudget(meter: ServiceMeter, waitedMs: number): boolean {
  return waitedMs + meter.waitMs() > ANSWER_BUDGET_MS;
}
