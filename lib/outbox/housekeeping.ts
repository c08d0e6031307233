import "server-only";
import type { DrainConfig } from "@/lib/outbox/drain-types";
import { pruneHistory } from "@/lib/outbox/history";
import type { HousekeepingTotals, OutboxHandlers } from "@/lib/outbox/registry";

// What a drain does besides sending: what the domains registered (the orders domain queues
// refreshes, the webhooks domain purges raw deliveries past retention; each takes its turn through
// a timestamp in Postgres, so any number of drains do it once) and, in all-store runs only, pruning
// the outbox's own history (lib/outbox/history.ts: hourly per process, at once again while behind).
// The whole thing is capped at a few seconds.

const HOUSEKEEPING_MS = 3_000;
const PRUNE_EVERY_MS = 60 * 60 * 1000;
/** When this process prunes the history next: at once again while a prune ran out of time. */
let nextPrune = 0;

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
  if (storeId === null && Date.now() >= nextPrune) {
    const { finished } = await pruneHistory(deadline);
    nextPrune = finished ? Date.now() + PRUNE_EVERY_MS : 0;
  }
  return totals;
}
