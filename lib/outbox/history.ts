import "server-only";
import { pgPool } from "@/lib/db";

// The outbox keeps 14 days of history: done messages, drain runs and the calls of background reads
// (refresh_order, read_product) older than that go. The calls of verifications, status pushes,
// forwards and stock writes stay, with their orders and products. A busy store finishes thousands
// of messages a day (each open order is refreshed every 10 minutes on its first day), so the prune
// runs in batches until nothing old is left or the housekeeping deadline passes, and then again on
// the next all-stores drain instead of an hour later. Each kind of row is found through its own
// partial index (migrations 20261208000000, 20261208020000); concurrent drains skip each other's batches.

export const HISTORY_DAYS = 14;
export const PRUNE_BATCH = 5_000;

export type PruneResult = { pruned: number; finished: boolean };

/**
 * One batch of each table: $1 the days of history, $2 the batch. The ids go in as an array, so the
 * rows are deleted by key whatever the planner guesses: as `IN (subquery)` it joined the batch to a
 * scan of the whole table when it guessed the old rows many (old calls of the kinds that stay make
 * "older than 14 days" look common).
 */
export const PRUNE_BATCH_SQL = {
  messages: `
    DELETE FROM "OutboxMessage" WHERE id = ANY(ARRAY(
      SELECT id FROM "OutboxMessage" WHERE status = 'done' AND "doneAt" < now() - make_interval(days => $1)
      ORDER BY "doneAt" LIMIT $2 FOR UPDATE SKIP LOCKED))`,
  attempts: `
    DELETE FROM "OutboxAttempt" WHERE id = ANY(ARRAY(
      SELECT id FROM "OutboxAttempt" WHERE kind IN ('refresh_order', 'read_product')
        AND "startedAt" < now() - make_interval(days => $1)
      ORDER BY "startedAt" LIMIT $2 FOR UPDATE SKIP LOCKED))`,
};

export async function pruneHistory(deadline: number): Promise<PruneResult> {
  let pruned = 0;
  for (const sql of [PRUNE_BATCH_SQL.messages, PRUNE_BATCH_SQL.attempts]) {
    for (;;) {
      const { rowCount } = await pgPool.query(sql, [HISTORY_DAYS, PRUNE_BATCH]);
      pruned += rowCount ?? 0;
      if ((rowCount ?? 0) < PRUNE_BATCH) break;
      if (performance.now() >= deadline) return { pruned, finished: false };
    }
  }
  await pgPool.query(`DELETE FROM "DrainRun" WHERE "startedAt" < now() - make_interval(days => $1)`, [HISTORY_DAYS]);
  return { pruned, finished: true };
}
