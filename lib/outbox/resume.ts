import "server-only";
import { pgPool } from "@/lib/db";
import { OFF_TRIBEMADE_SQL } from "@/lib/outbox/messages";

// Pausing and resuming a store's outbox (TribeMade rejected its key). While paused, its TribeMade
// messages are parked a month ahead: no drain looks at them, none spends an attempt. Forwards (to
// the merchant's own system) and notifications keep going. Resuming brings everything parked back to "due now".

/** Parked work is this far ahead; backoff never goes past 2 h, so anything beyond a day is parked. */
const PARK = "30 days";
const PARKED = "1 day";

export async function parkStore(storeId: string): Promise<void> {
  await pgPool.query(
    `UPDATE "OutboxMessage" SET "availableAt" = now() + interval '${PARK}'
     WHERE "storeId" = $1::uuid AND status = 'pending' AND kind NOT IN ${OFF_TRIBEMADE_SQL} AND "availableAt" < now() + interval '${PARKED}'`,
    [storeId],
  );
}

/**
 * The store's key was replaced or tested valid: the outbox resumes and its parked messages are due
 * now. Called by lib/stores; the caller wakes the drain when this returns true.
 */
export async function resumeOutbox(storeId: string): Promise<boolean> {
  const { rows } = await pgPool.query<{ resumed: boolean; unparked: number }>(
    `WITH resumed AS (
       UPDATE "Store" SET "outboxPausedAt" = NULL, "outboxPausedReason" = NULL
       WHERE id = $1::uuid AND "outboxPausedAt" IS NOT NULL RETURNING id
     ), unparked AS (
       UPDATE "OutboxMessage" SET "availableAt" = now()
       WHERE "storeId" = $1::uuid AND status = 'pending' AND kind NOT IN ${OFF_TRIBEMADE_SQL} AND "availableAt" > now() + interval '${PARKED}'
       RETURNING id
     )
     SELECT EXISTS (SELECT 1 FROM resumed) AS resumed, (SELECT count(*)::int FROM unparked) AS unparked`,
    [storeId],
  );
  return Boolean(rows[0]?.resumed) || (rows[0]?.unparked ?? 0) > 0;
}
