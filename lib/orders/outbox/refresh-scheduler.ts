import "server-only";
import { pgPool } from "@/lib/db";
import type { BudgetConfig } from "@/lib/outbox/budget";
import { PRIORITY } from "@/lib/outbox/messages";

// Queues refresh_order for open orders, because couriers mark orders delivered and customers rate
// them without any webhook (docs/tribemade-api.md A8). Each store is scheduled at most once per
// rate window, and only into what its GET budget has left: half the window's limit, minus the GETs
// already queued (verifications come first and keep the other half). Newer orders are refreshed
// more often: every 10 minutes on their first day, hourly for a week, every 6 hours for a month,
// then daily until they are delivered or cancelled.

/** Share of a store's GET budget per window that background refreshes may use. */
const REFRESH_SHARE = 0.5;
/** Stores scheduled per drain at most; the rest wait for the next drain. */
const STORES_PER_RUN = 50;

export async function scheduleRefreshes(storeId: string | null, budget: BudgetConfig): Promise<number> {
  const { rows: stores } = await pgPool.query<{ storeId: string }>(CLAIM_STORES_SQL, [storeId, budget.windowMs, STORES_PER_RUN]);
  const room = Math.floor(budget.limits.order_get * REFRESH_SHARE);
  const slot = String(Math.floor(Date.now() / budget.windowMs));
  let queued = 0;
  for (const { storeId: id } of stores) {
    const { rowCount } = await pgPool.query(ENQUEUE_SQL, [id, room, slot, PRIORITY.refresh_order]);
    queued += rowCount ?? 0;
  }
  return queued;
}

// Takes the store's schedule turn atomically, so concurrent drains schedule a store once.
const CLAIM_STORES_SQL = `
  WITH due AS (
    SELECT s.id FROM "Store" s LEFT JOIN "OutboxState" st ON st."storeId" = s.id
    WHERE ($1::uuid IS NULL OR s.id = $1::uuid) AND s."apiKeyCiphertext" IS NOT NULL AND s."outboxPausedAt" IS NULL
      AND (st."refreshScheduledAt" IS NULL OR st."refreshScheduledAt" < now() - $2 * interval '1 millisecond')
    ORDER BY st."refreshScheduledAt" NULLS FIRST
    LIMIT $3
  )
  INSERT INTO "OutboxState" ("storeId", "refreshScheduledAt") SELECT id, now() FROM due
  ON CONFLICT ("storeId") DO UPDATE SET "refreshScheduledAt" = now()
    WHERE "OutboxState"."refreshScheduledAt" IS NULL OR "OutboxState"."refreshScheduledAt" < now() - $2 * interval '1 millisecond'
  RETURNING "storeId"`;

// Unverified orders wait for their verification; not_found ones are not TribeMade's to refresh.
const ENQUEUE_SQL = `
  WITH queued AS (
    SELECT count(*)::int AS n FROM "OutboxMessage" q
    WHERE q."storeId" = $1::uuid AND q.status IN ('pending', 'leased') AND q.kind IN ('verify_order', 'refresh_order')
  ), due AS (
    SELECT o.id, o."tribemadeOrderId" FROM "Order" o
    WHERE o."storeId" = $1::uuid AND o.status IN ('started', 'processing', 'dispatched')
      AND o.verification IN ('verified', 'mismatch')
      AND coalesce(o."lastRefreshedAt", o."verifiedAt", o."receivedAt") < now() - CASE
        WHEN o."receivedAt" > now() - interval '1 day' THEN interval '10 minutes'
        WHEN o."receivedAt" > now() - interval '7 days' THEN interval '1 hour'
        WHEN o."receivedAt" > now() - interval '30 days' THEN interval '6 hours'
        ELSE interval '24 hours' END
      AND NOT EXISTS (
        SELECT 1 FROM "OutboxMessage" x WHERE x."storeId" = o."storeId" AND x.kind = 'refresh_order'
          AND x.status IN ('pending', 'leased') AND x.payload->>'orderId' = o.id::text)
    ORDER BY o."receivedAt" DESC
    LIMIT greatest(0, $2::int - (SELECT n FROM queued))
  )
  INSERT INTO "OutboxMessage" ("storeId", kind, payload, "dedupeKey", priority)
  SELECT $1::uuid, 'refresh_order', jsonb_build_object('orderId', due.id, 'tribemadeOrderId', due."tribemadeOrderId"),
    'refresh:' || due.id || ':' || $3, $4
  FROM due
  ON CONFLICT ("storeId", "dedupeKey") DO NOTHING`;
