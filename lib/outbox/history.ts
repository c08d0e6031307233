import "server-only";
import { pgPool } from "@/lib/db";

// The outbox keeps 14 days of history: done messages and drain runs older than that go (their
// OutboxAttempt rows stay, with their orders). A busy store finishes thousands of messages a day
// (each open order is refreshed every 10 minutes on its first day), so the prune runs in batches
// until nothing old is left or the housekeeping deadline passes, and then again on the next
// all-stores drain instead of an hour later. Old done messages are found through their own partial
// index on doneAt (migration 20261208000000); concurrent drains skip each other's batches.

export const HISTORY_DAYS = 14;
export const PRUNE_BATCH = 5_000;

export type PruneResult = { pruned: number; finished: boolean };

/** One batch: $1 the days of history, $2 the batch. */
export const PRUNE_BATCH_SQL = `
  DELETE FROM "OutboxMessage" WHERE id IN (
    SELECT id FROM "OutboxMessage" WHERE status = 'done' AND "doneAt" < now() - make_interval(days => $1)
    ORDER BY "doneAt" LIMIT $2 FOR UPDATE SKIP LOCKED)`;

export async function pruneHistory(deadline: number): Promise<PruneResult> {
  let pruned = 0;
  for (;;) {
    const { rowCount } = await pgPool.query(PRUNE_BATCH_SQL, [HISTORY_DAYS, PRUNE_BATCH]);
    pruned += rowCount ?? 0;
    if ((rowCount ?? 0) < PRUNE_BATCH) break;
    if (performance.now() >= deadline) return { pruned, finished: false };
  }
  await pgPool.query(`DELETE FROM "DrainRun" WHERE "startedAt" < now() - make_interval(days => $1)`, [HISTORY_DAYS]);
  return { pruned, finished: true };
}
