// Exponential backoff with full jitter (a uniform wait between 0 and the exponential ceiling), so
// a store's messages that failed together do not retry together. Seconds at first, hours at the end.

export type Backoff = { baseMs: number; capMs: number };

export const DEFAULT_BACKOFF: Backoff = { baseMs: 2_000, capMs: 2 * 60 * 60 * 1000 };

/** The wait before attempt number `attempts + 1`, after `attempts` failed ones (≥ 1). */
export function backoffDelayMs(attempts: number, backoff: Backoff = DEFAULT_BACKOFF, random = Math.random): number {
  const ceiling = Math.min(backoff.capMs, backoff.baseMs * 2 ** Math.max(0, attempts - 1));
  // Never zero: a retry due "now" would be claimed again by the same drain run.
  return Math.max(Math.min(250, ceiling), Math.round(random() * ceiling));
}
