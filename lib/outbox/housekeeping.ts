import "server-only";
import { pgPool } from "@/lib/db";
import type { DrainConfig } from "@/lib/outbox/drain-types";
import type { HousekeepingTotals, OutboxHandlers } from "@/lib/outbox/registry";

// What a drain does besides sending: what the domains registered (the orders domain queues
// refreshes, the webhooks domain purges raw deliveries past retention) and, in all-store runs only,
// pruning the outbox's own history. Each step takes its turn through a timestamp in Postgres, so
// any number of drains do it once; the whole thing is capped at a few seconds.

const HOUSEKEEPING_MS = 3_000;
/** Finished messages and drain runs older than this go (the attempts stay, for order timelines). */
const HISTORY_DAYS = 14;
const PRUNE_EVERY_MS = 60 * 60 * 1000;
let lastPrune = 0;

export async function housekeeping(
  storeId: string | null,
  config: DrainConfig,
  tasks: OutboxHandlers["housekeeping"],
): Promise<HousekeepingTotals> {
  const deadline = performance.now() + HOUSEKEEPING_MS;
  const totals: HousekeepingTotals = { scheduled: 0, purged: 0 };
  for (const task of tasks) {
    const done = await task(storeId, config, deadline);
    totals.scheduled += done.scheduled ?? 0;
    totals.purged += done.purged ?? 0;
  }
  if (storeId === null && Date.now() - lastPrune > PRUNE_EVERY_MS) {
    lastPrune = Date.now();
    await pgPool.query(
      `DELETE FROM "OutboxMessage" WHERE id IN (SELECT id FROM "OutboxMessage" WHERE status = 'done'
         AND "doneAt" < now() - make_interval(days => $1) LIMIT 5000)`,
      [HISTORY_DAYS],
    );
    await pgPool.query(`DELETE FROM "DrainRun" WHERE "startedAt" < now() - make_interval(days => $1)`, [HISTORY_DAYS]);
  }
  return totals;
}
