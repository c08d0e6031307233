import "server-only";
import { pgPool } from "@/lib/db";
import type { RateLimitInfo } from "@/lib/tribemade/client/call";
import type { Bucket } from "@/lib/outbox/messages";

// TribeMade's per-store limits, shared by every instance through the RateBudget table: a call is
// made only after a slot is taken here, in one statement that locks the (store, bucket) row, so
// any number of drainers together never exceed the limit (docs/outbox.md, "Rate budgets").
//
// The window is fixed and starts with the first slot taken after the previous one ended (the
// simulator's model; docs/decisions.md A11). TribeMade's headers correct it: X-RateLimit-Reset
// moves our window's end to TribeMade's when TribeMade's is later, and X-RateLimit-Remaining raises
// our count when TribeMade has counted more. A 429 blocks the bucket until its retry_after.

export type BudgetConfig = { windowMs: number; limits: Record<Bucket, number> };

export type SlotGrant = {
  granted: number;
  /** When the bucket can grant again (window end or block end); null when it still has room. */
  opensAt: Date | null;
  /** The window the slots were counted in (returnSlots gives them back only to that window). */
  windowStart: Date | null;
};

// Rows this process knows exist, so the common path is one statement.
const known = new Set<string>();

export async function takeSlots(storeId: string, bucket: Bucket, wanted: number, config: BudgetConfig): Promise<SlotGrant> {
  if (wanted <= 0) return { granted: 0, opensAt: null, windowStart: null };
  const id = `${storeId}:${bucket}`;
  if (!known.has(id)) {
    await pgPool.query(
      `INSERT INTO "RateBudget" ("storeId", bucket, "windowStart", used) VALUES ($1::uuid, $2, now(), 0) ON CONFLICT DO NOTHING`,
      [storeId, bucket],
    );
    known.add(id);
  }
  const { rows } = await pgPool.query<{
    granted: number;
    window_start: Date | null;
    window_end: Date;
    blocked_until: Date | null;
    blocked: boolean;
  }>(TAKE_SQL, [storeId, bucket, wanted, config.limits[bucket], config.windowMs]);
  const row = rows[0];
  if (!row) {
    known.delete(id);
    return takeSlots(storeId, bucket, wanted, config);
  }
  if (row.blocked) return { granted: 0, opensAt: row.blocked_until, windowStart: null };
  return { granted: row.granted, opensAt: row.granted < wanted ? row.window_end : null, windowStart: row.window_start };
}

/**
 * Gives back `count` slots taken in the window that began at `windowStart` and spent on no call (a
 * message that found nothing to send, or waited for another bucket). A window that has since ended
 * or moved (TribeMade's headers) keeps its count: giving back is only ever safe within the window
 * that counted them.
 */
export async function returnSlots(storeId: string, bucket: Bucket, count: number, windowStart: Date): Promise<void> {
  if (count <= 0) return;
  await pgPool.query(
    `UPDATE "RateBudget" SET used = greatest(used - $3, 0)
     WHERE "storeId" = $1::uuid AND bucket = $2 AND "windowStart" = $4`,
    [storeId, bucket, count, windowStart],
  );
}

// The CTE's FOR UPDATE makes concurrent takers queue on the row; each sees the previous one's
// count (READ COMMITTED re-reads a locked row's latest version).
const TAKE_SQL = `
  WITH cur AS (
    SELECT "storeId", bucket, "windowStart", used, "blockedUntil",
      now() >= "windowStart" + $5 * interval '1 millisecond' AS expired
    FROM "RateBudget" WHERE "storeId" = $1::uuid AND bucket = $2 FOR UPDATE
  ), calc AS (
    SELECT *, CASE WHEN expired THEN 0 ELSE used END AS base,
      CASE WHEN expired THEN now() ELSE "windowStart" END AS ws,
      coalesce("blockedUntil" > now(), false) AS blocked
    FROM cur
  ), g AS (
    SELECT *, CASE WHEN blocked THEN 0 ELSE least($3::int, greatest(0, $4::int - base)) END AS granted FROM calc
  ), upd AS (
    UPDATE "RateBudget" rb SET used = g.base + g.granted, "windowStart" = g.ws
    FROM g WHERE rb."storeId" = g."storeId" AND rb.bucket = g.bucket AND g.granted > 0
    RETURNING rb."windowStart"
  )
  SELECT g.granted, upd."windowStart" AS window_start, g.ws + $5 * interval '1 millisecond' AS window_end, g."blockedUntil" AS blocked_until, g.blocked
  FROM g LEFT JOIN upd ON true`;

/** What one batch learned about a bucket from TribeMade's answers. */
export type BudgetFeedback = { storeId: string; bucket: Bucket; headers: RateLimitInfo[]; blockUntil: Date | null };

/** Applies TribeMade's headers and 429s (one statement per bucket that heard anything). */
export async function applyFeedback(feedback: BudgetFeedback[], config: BudgetConfig): Promise<void> {
  for (const item of feedback) {
    // The latest window TribeMade reported, and the fewest calls it said were left in it.
    const latest = item.headers.reduce<RateLimitInfo | null>(
      (best, info) => (!best || info.reset > best.reset ? info : best),
      null,
    );
    const remaining = latest
      ? Math.min(...item.headers.filter((info) => info.reset === latest.reset).map((info) => info.remaining))
      : null;
    if (!latest && !item.blockUntil) continue;
    await pgPool.query(FEEDBACK_SQL, [
      item.storeId,
      item.bucket,
      latest?.reset ?? null,
      remaining,
      config.limits[item.bucket],
      config.windowMs,
      item.blockUntil,
    ]);
  }
}

// Headers from a window that ended before ours began are stale (an answer that arrived late) and
// change nothing; X-RateLimit-Reset is whole seconds rounded up, so aligning to it errs late.
const FEEDBACK_SQL = `
  UPDATE "RateBudget" SET
    used = CASE WHEN $3::bigint IS NOT NULL AND to_timestamp($3::bigint) > "windowStart"
      THEN greatest(used, $5::int - $4::int) ELSE used END,
    "windowStart" = CASE WHEN $3::bigint IS NOT NULL
      THEN greatest("windowStart", to_timestamp($3::bigint) - $6 * interval '1 millisecond') ELSE "windowStart" END,
    "blockedUntil" = CASE WHEN $7::timestamptz IS NOT NULL
      THEN greatest(coalesce("blockedUntil", $7::timestamptz), $7::timestamptz) ELSE "blockedUntil" END
  WHERE "storeId" = $1::uuid AND bucket = $2`;
