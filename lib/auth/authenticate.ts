import "server-only";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { loginSchema } from "@/lib/auth/schemas";
import {
  LOGIN_ACCOUNT_CEILING,
  LOGIN_ACCOUNT_IP_LIMIT,
  LOGIN_IP_LIMIT,
  clearAttempts,
  releaseAttempt,
  reserveAttempt,
  type ThrottleRule,
} from "@/lib/auth/throttle";
import { sha256Hex } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";

export type AuthenticatedUser = { id: string; email: string; name: string; sessionVersion: number };

// Unknown emails are checked against a real hash too, so the answer takes the same time and
// the account counter moves the same way whether or not the email exists.
let dummyHash: Promise<string> | undefined;
function dummyPasswordHash() {
  dummyHash ??= hashPassword("tribedesk-no-such-user-placeholder");
  return dummyHash;
}

export function accountThrottleKey(email: string): string {
  return `email:${sha256Hex(email)}`;
}

/** The limits one sign-in counts against; per-address ones only when the address is known. */
function loginRules(email: string, ip: string | null): ThrottleRule[] {
  const account = accountThrottleKey(email);
  const rules: ThrottleRule[] = [{ key: account, ...LOGIN_ACCOUNT_CEILING }];
  if (ip) rules.push({ key: `${account}:ip:${ip}`, ...LOGIN_ACCOUNT_IP_LIMIT }, { key: `ip:${ip}`, ...LOGIN_IP_LIMIT });
  return rules;
}

/**
 * Email + password → the user, or null for any wrong combination (never saying which part).
 * Throws AppError too_many_requests when the account, the address or the pair is over its limit.
 * `ip` is null when no trusted proxy reported one (lib/auth/client-ip.ts).
 */
export async function authenticate(credentials: unknown, ip: string | null): Promise<AuthenticatedUser | null> {
  const parsed = loginSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;

  const rules = loginRules(email, ip);
  const reservation = await reserveAttempt(rules);

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, sessionVersion: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !valid) return null;

  await releaseAttempt(reservation);
  // The owner's success forgives their own address's failures; the account-wide count stays, so
  // signing in does not hand a spread-out attacker a fresh allowance.
  if (ip) await clearAttempts(`${accountThrottleKey(email)}:ip:${ip}`);
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}
