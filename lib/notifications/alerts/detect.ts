import "server-only";
import { pgPool } from "@/lib/db";
import { HISTORY_DAYS, MIN_SILENCE_MS } from "@/lib/notifications/alerts/silence";

// What the alert checks read, for a few stores in one statement: the outbox's own incidents (a
// paused store, dead letters, a fulfillment URL that keeps failing) and the webhook history for
// silence. Read straight from the tables (the outbox's and webhooks' SQL columns), never through
// those domains: they sit above notifications on the domain map (docs/architecture.md).
// Refused deliveries come from the gate's per-minute counts (lib/webhooks/ingest/refusals.ts), low
// stock from the products' own mark (Product."lowStockSince", set and cleared per crossing).

export type StoreConditions = {
  storeId: string;
  pausedReason: string | null;
  deadLetters: number;
  /** Forwards that have failed and kept failing for 15 min or more. */
  failingForwards: number;
  /** Deliveries the gate refused (nothing stored) in the last REFUSED_WINDOW_MS. */
  refused: number;
  /** Products low on stock now (lib/products/stock/product-state.ts), not gone from TribeMade. */
  lowStock: number;
  lastWebhookAt: Date | null;
  /** Mean accepted webhooks in the current quiet span's clock hours over the last 14 days. */
  expected: number;
};

/** A forward pending this long, with failures, means the fulfillment URL has failed for 15 min. */
export const FULFILLMENT_FAILING_MS = 15 * 60 * 1000;

/** Refusals this recent keep the incident open; an hour without one resolves it. */
export const REFUSED_WINDOW_MS = 60 * 60 * 1000;

export async function readConditions(storeIds: string[]): Promise<StoreConditions[]> {
  if (storeIds.length === 0) return [];
  const { rows } = await pgPool.query<StoreConditions>(
    `SELECT s.id AS "storeId",
       CASE WHEN s."outboxPausedAt" IS NOT NULL THEN coalesce(s."outboxPausedReason", 'Paused') END AS "pausedReason",
       (SELECT count(*)::int FROM "OutboxMessage" m
         WHERE m."storeId" = s.id AND m.status = 'dead' AND m.kind IN ('push_status', 'forward')) AS "deadLetters",
       (SELECT count(*)::int FROM "OutboxMessage" m
         WHERE m."storeId" = s.id AND m.kind = 'forward' AND m.status IN ('pending', 'leased') AND m.attempts > 0
           AND m."createdAt" <= now() - $2 * interval '1 millisecond') AS "failingForwards",
       (SELECT coalesce(sum(r.count), 0)::int FROM "WebhookRefusal" r
         WHERE r."storeId" = s.id AND r.minute > now() - $5 * interval '1 millisecond') AS refused,
       (SELECT count(*)::int FROM "Product" p
         WHERE p."storeId" = s.id AND p."lowStockSince" IS NOT NULL AND p."goneAt" IS NULL) AS "lowStock",
       w.last AS "lastWebhookAt",
       CASE WHEN w.last IS NULL OR w.last > now() - $3 * interval '1 millisecond' THEN 0 ELSE (
         SELECT count(*)::float8 / $4 FROM generate_series(1, $4) AS k
         JOIN "WebhookDelivery" d ON d."storeId" = s.id AND d.outcome = 'accepted'
           AND d."receivedAt" >= w.last - k * interval '1 day' AND d."receivedAt" < now() - k * interval '1 day'
       ) END AS expected
     FROM "Store" s
     LEFT JOIN LATERAL (
       SELECT max(d."receivedAt") AS last FROM "WebhookDelivery" d WHERE d."storeId" = s.id AND d.outcome = 'accepted'
     ) w ON true
     WHERE s.id = ANY($1::uuid[])`,
    [storeIds, FULFILLMENT_FAILING_MS, MIN_SILENCE_MS, HISTORY_DAYS, REFUSED_WINDOW_MS],
  );
  return rows;
}
