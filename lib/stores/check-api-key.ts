import "server-only";
import type { Owner } from "@/lib/auth/require-member";
import type { SessionUser } from "@/lib/auth/session";
import { reserveAttempt } from "@/lib/auth/throttle";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
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
  const row = await db.store.findUniqueOrThrow({ where: { id: store.id }, select: { apiKeyCiphertext: true } });
  if (!row.apiKeyCiphertext) throw new AppError("conflict", "This store has no TribeMade API key yet. Add one first.");
  return checkApiKey(user, decryptSecret(row.apiKeyCiphertext));
}
