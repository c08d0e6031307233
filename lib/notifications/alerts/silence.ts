// Webhook silence: no webhook for hours when the store's own history says orders were due. Orders
// arrive roughly as a Poisson process, so the chance of a quiet span with λ orders expected is
// e^-λ; λ ≥ 3 means under 5 % — worth a look (TribeMade stopped sending, the endpoint was revoked,
// the URL changed). λ is the mean number of accepted webhooks in the same clock span on each of the
// last 14 days, so a shop that sleeps at night is not woken up by its own quiet nights.
// Pure. Client-safe.

/** Quiet for less than this is never an incident, whatever the history. */
export const MIN_SILENCE_MS = 3 * 60 * 60 * 1000;
/** Expected orders in the quiet span before silence is unlikely enough (P(0) = e^-3 ≈ 5 %). */
export const EXPECTED_THRESHOLD = 3;
export const HISTORY_DAYS = 14;

export function isSilent(input: { lastWebhookAt: Date | null; expected: number; now: Date }): boolean {
  if (!input.lastWebhookAt) return false;
  return input.now.getTime() - input.lastWebhookAt.getTime() >= MIN_SILENCE_MS && input.expected >= EXPECTED_THRESHOLD;
}
