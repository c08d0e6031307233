import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";

// Attempt counting in Postgres (table LoginAttempt), so every instance sees the same counts.
// An attempt is recorded *before* the expensive check runs and counted with it, so a burst of
// parallel requests cannot all slip under the limit. Refused attempts are not kept: the
// lock-out then ends at a fixed time, which is what "try again in N s" promises.

export type ThrottleRule = { key: string; limit: number; windowMs: number };

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/**
 * Sign-in, in any 15 minutes (OWASP's usual order of magnitude): 5 failures per account from one
 * address, 20 per address across accounts, and 50 per account from anywhere. The per-account
 * ceiling is 10× the per-address limit so a stranger's guesses cannot lock the owner out of their
 * own network; only a spread-out attack reaches it.
 */
export const LOGIN_ACCOUNT_IP_LIMIT = { limit: 5, windowMs: FIFTEEN_MINUTES } as const;
export const LOGIN_IP_LIMIT = { limit: 20, windowMs: FIFTEEN_MINUTES } as const;
export const LOGIN_ACCOUNT_CEILING = { limit: 50, windowMs: FIFTEEN_MINUTES } as const;

export type Reservation = { ids: bigint[] };

/** Records one attempt under each rule's key; throws too_many_requests when any is over its limit. */
export async function reserveAttempt(rules: ThrottleRule[], now = new Date()): Promise<Reservation> {
  const ids: bigint[] = [];
  for (const rule of rules) {
    const row = await db.loginAttempt.create({ data: { key: rule.key, createdAt: now }, select: { id: true } });
    ids.push(row.id);
  }
  let retryAt: number | null = null;
  for (const rule of rules) {
    const since = new Date(now.getTime() - rule.windowMs);
    const count = await db.loginAttempt.count({ where: { key: rule.key, createdAt: { gt: since } } });
    if (count <= rule.limit) continue;
    // The window opens again when the limit-th newest earlier attempt ages out.
    const [pivot] = await db.loginAttempt.findMany({
      where: { key: rule.key, createdAt: { gt: since }, id: { notIn: ids } },
      orderBy: { createdAt: "desc" },
      skip: rule.limit - 1,
      take: 1,
      select: { createdAt: true },
    });
    const at = (pivot?.createdAt.getTime() ?? now.getTime()) + rule.windowMs;
    retryAt = Math.max(retryAt ?? 0, at);
  }
  if (retryAt !== null) {
    await db.loginAttempt.deleteMany({ where: { id: { in: ids } } });
    const seconds = Math.max(1, Math.ceil((retryAt - now.getTime()) / 1000));
    throw new AppError("too_many_requests", `Too many attempts, try again in ${seconds} s.`, { retryAfterSeconds: seconds });
  }
  await pruneStale(rules, now);
  return { ids };
}

/** The attempt succeeded: it does not count. */
export async function releaseAttempt(reservation: Reservation): Promise<void> {
  await db.loginAttempt.deleteMany({ where: { id: { in: reservation.ids } } });
}

/** Forget every recorded attempt under a key (a successful sign-in resets its account). */
export async function clearAttempts(key: string): Promise<void> {
  await db.loginAttempt.deleteMany({ where: { key } });
}

async function pruneStale(rules: ThrottleRule[], now: Date) {
  for (const rule of rules) {
    await db.loginAttempt.deleteMany({ where: { key: rule.key, createdAt: { lte: new Date(now.getTime() - rule.windowMs) } } });
  }
  // Keys that never come back (one-off IPs) would linger; one request in a hundred sweeps
  // everything older than a day, so the table stays small without a scheduled job.
  if (Math.random() < 0.01) {
    await db.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } } });
  }
}
