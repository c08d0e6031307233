import "server-only";
import { pgPool } from "@/lib/db";
import { notifyOrderChanged } from "@/lib/feed/notify";
import { JOIN_SQL } from "@/lib/customers/join-sql";
import type { OutboxContribution } from "@/lib/outbox/registry";

// New orders join their customer when TribeMade has confirmed them: after each outbox batch that
// verified orders (verify_order runs within a second of the ack; the drain tells open feeds about
// those orders right after, badge included). The webhook's one statement writes nothing more and
// never waits on a customer row. Every drain's housekeeping (cron included) joins whatever is left
// (a verification still waiting for TribeMade's rate budget): an unjoined order is its own durable
// to-do, found by the partial index on "customerId" IS NULL.

/** Orders per statement: one batch holds its rows' locks briefly. */
const BATCH = 500;

export type JoinedOrder = { id: string; storeId: string; ordinal: number };

/** Joins up to one batch of unjoined orders (of `storeId`, or of all stores); returns them. */
export async function joinCustomersOnce(storeId: string | null, limit = BATCH): Promise<JoinedOrder[]> {
  const { rows } = await pgPool.query<JoinedOrder>(JOIN_SQL, [storeId, limit]);
  return rows;
}

/** Joins every unjoined order, batch by batch, until none is left or `deadline` (performance.now()). */
export async function joinCustomers(storeId: string | null, deadline = Infinity): Promise<number> {
  let joined = 0;
  for (;;) {
    const rows = await joinCustomersOnce(storeId);
    joined += rows.length;
    // Open feeds and order pages re-read these rows and show the badge.
    await Promise.all(rows.map((row) => notifyOrderChanged(row.storeId, row.id)));
    if (rows.length < BATCH || performance.now() > deadline) return joined;
  }
}

/** The customers domain's part of the outbox: every drain joins new orders first (lib/outbox/registry.ts). */
export const CUSTOMERS_OUTBOX: OutboxContribution = {
  handlers: {},
  afterBatch: async (events) => {
    for (const storeId of new Set(events.map((event) => event.storeId))) await joinCustomers(storeId);
  },
  housekeeping: async (storeId, _config, deadline) => {
    await joinCustomers(storeId, deadline);
    return {};
  },
};
