// Injected failures on /api/* calls, set globally or per store through the control API. A store's
// own setting of a kind replaces the global one of that kind. Fault answers (5xx, forced 429, hang)
// do not consume the real rate-limit budget: they model TribeMade failing, not the caller spending.

import type { Random } from "./random";

/** "before": fail without touching state. "after": apply the call's effect, then fail the answer
 *  (the lost-response case: a retried status change then meets its own earlier success). */
export type FaultPhase = "before" | "after";

export type FaultSet = {
  latencyMs?: number;
  error5xx?: { rate: number; status: number; phase: FaultPhase };
  hang?: { ms: number; rate: number; phase: FaultPhase };
  /** Next N calls and/or until a time; whichever is set. retryAfter null → derived. */
  forced429?: { remainingCalls: number | null; untilMs: number | null; retryAfter: number | null };
};

export type FaultState = { global: FaultSet; byStore: Map<string, FaultSet> };

export type FaultPlan = {
  latencyMs: number;
  error5xx: { status: number; phase: FaultPhase } | null;
  hang: { ms: number; phase: FaultPhase } | null;
};

export function createFaultState(): FaultState {
  return { global: {}, byStore: new Map() };
}

function pickSet<K extends keyof FaultSet>(faults: FaultState, storeId: string | null, kind: K): FaultSet | null {
  const own = storeId === null ? undefined : faults.byStore.get(storeId);
  if (own?.[kind] !== undefined) return own;
  return faults.global[kind] !== undefined ? faults.global : null;
}

/** Rolls the random faults for one call. */
export function planFaults(faults: FaultState, storeId: string | null, random: Random): FaultPlan {
  const error = pickSet(faults, storeId, "error5xx")?.error5xx;
  const hang = pickSet(faults, storeId, "hang")?.hang;
  return {
    latencyMs: pickSet(faults, storeId, "latencyMs")?.latencyMs ?? 0,
    error5xx: error && random.chance(error.rate) ? { status: error.status, phase: error.phase } : null,
    hang: hang && random.chance(hang.rate) ? { ms: hang.ms, phase: hang.phase } : null,
  };
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
