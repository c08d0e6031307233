import "server-only";
import { pgPool } from "@/lib/db";
import type { OutboxContribution } from "@/lib/outbox/registry";

// Refusal counts (WebhookRefusal) are kept REFUSALS_KEPT, in the same hourly run.
//
// Store.retentionDays: raw webhook bodies and headers older than that are emptied, at most once an
// hour per store, in batches. The delivery row stays (hash, size, outcome, reason, linked order)
// with purgedAt set, so the inspector says what happened. Each store keeps how far it has purged
// (OutboxState.purgedThrough), so a run never walks rows it already emptied.

/** The webhooks domain's part of the outbox: every drain's housekeeping purges (lib/outbox/registry.ts). */
export const WEBHOOKS_OUTBOX: OutboxContribution = {
  handlers: {},
  housekeeping: async (storeId, _config, deadline) => ({ purged: await purgeExpiredDeliveries(storeId, deadline) }),
};

const PURGE_EVERY = "1 hour";
const REFUSALS_KEPT = "30 days";
const BATCH = 500;
const STORES_PER_RUN = 20;

export async function purgeExpiredDeliveries(storeId: string | null, deadline: number): Promise<number> {
  const { rows: stores } = await pgPool.query<{ storeId: string; through: Date | null; days: number }>(CLAIM_SQL, [
    storeId,
    STORES_PER_RUN,
  ]);
  let purged = 0;
  for (const store of stores) {
    let through = store.through;
    for (;;) {
      const { rows } = await pgPool.query<{ receivedAt: Date }>(PURGE_SQL, [store.storeId, store.days, through, BATCH]);
      purged += rows.length;
      if (rows.length > 0) {
        through = rows.reduce((max, row) => (row.receivedAt > max ? row.receivedAt : max), rows[0]!.receivedAt);
        await pgPool.query(`UPDATE "OutboxState" SET "purgedThrough" = $2 WHERE "storeId" = $1::uuid`, [store.storeId, through]);
      }
      if (rows.length < BATCH || performance.now() > deadline) break;
    }
    await pgPool.query(REFUSALS_SQL, [store.storeId]);
  }
  return purged;
}

const CLAIM_SQL = `
  WITH due AS (
    SELECT s.id, s."retentionDays" FROM "Store" s LEFT JOIN "OutboxState" st ON st."storeId" = s.id
    WHERE ($1::uuid IS NULL OR s.id = $1::uuid) AND (st."purgedAt" IS NULL OR st."purgedAt" < now() - interval '${PURGE_EVERY}')
    ORDER BY st."purgedAt" NULLS FIRST
    LIMIT $2
  ), claimed AS (
    INSERT INTO "OutboxState" ("storeId", "purgedAt") SELECT id, now() FROM due
    ON CONFLICT ("storeId") DO UPDATE SET "purgedAt" = now()
      WHERE "OutboxState"."purgedAt" IS NULL OR "OutboxState"."purgedAt" < now() - interval '${PURGE_EVERY}'
    RETURNING "storeId", "purgedThrough"
  )
  SELECT claimed."storeId", claimed."purgedThrough" AS through, due."retentionDays" AS days
  FROM claimed JOIN due ON due.id = claimed."storeId"`;

const PURGE_SQL = `
  WITH victims AS (
    SELECT id FROM "WebhookDelivery"
    WHERE "storeId" = $1::uuid AND "receivedAt" < now() - make_interval(days => $2::int)
      AND ($3::timestamptz IS NULL OR "receivedAt" >= $3::timestamptz) AND "purgedAt" IS NULL
    ORDER BY "receivedAt" LIMIT $4
  )
  UPDATE "WebhookDelivery" d SET body = '\\x'::bytea, headers = '{}'::jsonb, "purgedAt" = now()
  FROM victims WHERE d.id = victims.id
  RETURNING d."receivedAt"`;

const REFUSALS_SQL = `DELETE FROM "WebhookRefusal" WHERE "storeId" = $1::uuid AND "minute" < now() - interval '${REFUSALS_KEPT}'`;
