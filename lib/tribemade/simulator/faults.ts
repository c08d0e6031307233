// Injected failures on /api/* calls, set globally or per store through the control API. A store's
// own setting of a kind replaces the global one of that kind. Fault answers (5xx, forced 429, hang)
// do not consume the real rate-limit budget: they model TribeMade failing, not the caller spending.
//
// A rate is a share of calls spread evenly, not a die rolled per call: after n calls that reach the
// fault's phase, floor(offset + n × rate) have failed, the offset random in [0, 1) when the fault is
// set. 10% over 20 calls is 2 faults, never 0 — rolled dice left a fault-matrix test without a
// single hang about once in 200 runs (0.9^50), and a test's matrix is only worth what it exercised.

/** "before": fail without touching state. "after": apply the call's effect, then fail the answer
 *  (the lost-response case: a retried status change then meets its own earlier success). */
export type FaultPhase = "before" | "after";

/** `credit` carries the spread, in millionths so that sums stay exact (ten 0.1s make 1, not
 *  0.9999999999999999): each call that reaches the phase adds the rate; a whole one is a fault. */
type Spread = { rate: number; phase: FaultPhase; credit: number };

const WHOLE = 1_000_000;

/** A spread's starting credit from a uniform draw in [0, 1). */
export function startingCredit(draw: number): number {
  return Math.floor(draw * WHOLE);
}

export type FaultSet = {
  latencyMs?: number;
  error5xx?: Spread & { status: number };
  hang?: Spread & { ms: number };
  /** Next N calls and/or until a time; whichever is set. retryAfter null → derived. */
  forced429?: { remainingCalls: number | null; untilMs: number | null; retryAfter: number | null };
};

export type FaultState = { global: FaultSet; byStore: Map<string, FaultSet> };

export function createFaultState(): FaultState {
  return { global: {}, byStore: new Map() };
}

function pickSet<K extends keyof FaultSet>(faults: FaultState, storeId: string | null, kind: K): FaultSet | null {
  const own = storeId === null ? undefined : faults.byStore.get(storeId);
  if (own?.[kind] !== undefined) return own;
  return faults.global[kind] !== undefined ? faults.global : null;
}

export function latencyOf(faults: FaultState, storeId: string | null): number {
  return pickSet(faults, storeId, "latencyMs")?.latencyMs ?? 0;
}

/** Counts one call that reached `phase` against a 5xx or hang fault; returns the fault if this call fails. */
export function takeFault<K extends "error5xx" | "hang">(
  faults: FaultState,
  storeId: string | null,
  kind: K,
  phase: FaultPhase,
): NonNullable<FaultSet[K]> | null {
  const fault = pickSet(faults, storeId, kind)?.[kind];
  if (!fault || fault.phase !== phase) return null;
  fault.credit += Math.round(fault.rate * WHOLE);
  if (fault.credit < WHOLE) return null;
  fault.credit -= WHOLE;
  return fault as NonNullable<FaultSet[K]>;
}

/** Consumes one forced 429 if one is armed; returns its retry_after in seconds, else null. */
export function takeForced429(faults: FaultState, storeId: string | null, nowMs: number): number | null {
  const set = pickSet(faults, storeId, "forced429");
  const forced = set?.forced429;
  if (!set || !forced) return null;
  const expired = forced.untilMs !== null && nowMs >= forced.untilMs;
  const spent = forced.remainingCalls !== null && forced.remainingCalls <= 0;
  if (expired || spent) {
    delete set.forced429;
    return null;
  }
  if (forced.remainingCalls !== null) forced.remainingCalls -= 1;
  if (forced.retryAfter !== null) return forced.retryAfter;
  // A timed storm tells the truth about when it ends; a counted one says "1 s" so callers retry soon.
  return forced.untilMs !== null ? Math.max(1, Math.ceil((forced.untilMs - nowMs) / 1000)) : 1;
}
