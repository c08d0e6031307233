import "server-only";
import { pgPool } from "@/lib/db";
import { logger } from "@/lib/http/logger";

// Wakes outbox drainers right after a write (design.md "Outbox": the cron is the durable path, this
// is the fast one). For now a NOTIFY on `tribedesk_outbox` for a listening drainer; best effort, and
// it never throws. Calls within one tick are coalesced into one statement: under load ingest calls
// this hundreds of times a second, and one NOTIFY per store says the same thing.

export const OUTBOX_CHANNEL = "tribedesk_outbox";
// One statement per 50 ms at most: measured under load, each round trip costs the app's one
// JavaScript thread ~0.4 ms, so per-request NOTIFYs cost ingest 5–10% of its throughput; 50 ms is
// invisible to a person watching the feed. Plain pg, not Prisma, for the same reason.
const COALESCE_MS = 50;

let pending: { storeIds: Set<string>; sent: Promise<void> } | null = null;

/** Resolves once the wake-up has been sent (or failed and been logged). */
export function wakeOutbox(storeId: string): Promise<void> {
  if (!pending) {
    const storeIds = new Set<string>();
    const sent = new Promise<void>((resolve) => {
      setTimeout(() => {
        pending = null;
        void send([...storeIds]).then(resolve);
      }, COALESCE_MS);
    });
    pending = { storeIds, sent };
  }
  pending.storeIds.add(storeId);
  return pending.sent;
}

async function send(storeIds: string[]): Promise<void> {
  try {
    await pgPool.query("SELECT pg_notify($1, id) FROM unnest($2::text[]) AS id", [OUTBOX_CHANNEL, storeIds]);
  } catch (error) {
    logger.warn("outbox wake-up failed", { stores: storeIds.length, error });
  }
}
