import "server-only";
import type { Owner } from "@/lib/auth/require-member";
import type { SessionUser } from "@/lib/auth/session";
import { reserveAttempt } from "@/lib/auth/throttle";
import { resumeOutbox } from "@/lib/outbox/resume";
import { wakeDrainAfter } from "@/lib/outbox/wake";
import { readStoreApiKey } from "@/lib/stores/api-key";
import { checkTribemadeKey, type KeyCheckResult } from "@/lib/tribemade/key-check";

// Checks a TribeMade API key for a person: a typed one (onboarding, "replace key") or the store's
// saved one. Throttled per user, because each check spends the key's own GET budget at TribeMade.

/** Each check spends one of the key's 50 GETs per minute at TribeMade; keep a user well under. */
const KEY_CHECK_LIMIT = { limit: 30, windowMs: 10 * 60 * 1000 };

/** A throttled key check on behalf of a user (onboarding, settings, store creation). */
export async function checkApiKey(user: SessionUser, apiKey: string): Promise<KeyCheckResult> {
  await reserveAttempt([{ key: `keycheck:${user.id}`, ...KEY_CHECK_LIMIT }]);
  return checkTribemadeKey(apiKey);
}

/** Tests the current store's saved key (owners only); the key never leaves the server. */
export async function checkSavedApiKey({ store, user }: Owner): Promise<KeyCheckResult> {
  const check = await checkApiKey(user, await readStoreApiKey(store.id));
  // TribeMade accepts the saved key again (a rotation undone, a glitch): a paused outbox resumes.
  if (check.status === "valid" && (await resumeOutbox(store.id))) wakeDrainAfter(store.id);
  return check;
}
