import "server-only";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { loginSchema } from "@/lib/auth/schemas";
import { LOGIN_ACCOUNT_LIMIT, LOGIN_IP_LIMIT, clearAttempts, releaseAttempt, reserveAttempt } from "@/lib/auth/throttle";
import { sha256Hex } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";

export type AuthenticatedUser = { id: string; email: string; name: string };

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

/**
 * Email + password → the user, or null for any wrong combination (never saying which part).
 * Throws AppError too_many_requests when the account or the IP is over its limit.
 */
export async function authenticate(credentials: unknown, ip: string): Promise<AuthenticatedUser | null> {
  const parsed = loginSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;

  const accountKey = accountThrottleKey(email);
  const reservation = await reserveAttempt([
    { key: accountKey, ...LOGIN_ACCOUNT_LIMIT },
    { key: `ip:${ip}`, ...LOGIN_IP_LIMIT },
  ]);

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  if (!user || !valid) return null;

  await releaseAttempt(reservation);
  await clearAttempts(accountKey);
  return { id: user.id, email: user.email, name: user.name };
}
