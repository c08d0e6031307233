import "server-only";
import { pgPool } from "@/lib/db";
import type { OutboxRow } from "@/lib/outbox/messages";
import type { IncidentState } from "@/lib/notifications/alerts/incident";

// The alert checks' rows: whose turn it is (each store at most once a minute, across all servers),
// the stores' AlertState rows, and the notification rows a transition queues.

/** How often a store's conditions are read: alerts are about minutes, not seconds. */
export const ALERT_CHECK_EVERY_MS = 60_000;

export type StoreTurn = { id: string; name: string; summaryDate: string | null };

/** Takes the turn of the store (or of every store whose turn it is): one drain per minute checks each. */
export async function takeAlertTurn(storeId: string | null, limit: number): Promise<StoreTurn[]> {
  const { rows } = await pgPool.query<StoreTurn>(
    `WITH due AS (
       SELECT s.id FROM "Store" s LEFT JOIN "NotificationState" n ON n."storeId" = s.id
       WHERE ($1::uuid IS NULL OR s.id = $1::uuid)
         AND (n."alertsCheckedAt" IS NULL OR n."alertsCheckedAt" <= now() - $2 * interval '1 millisecond')
       ORDER BY n."alertsCheckedAt" NULLS FIRST LIMIT $3
     ), taken AS (
       INSERT INTO "NotificationState" ("storeId", "alertsCheckedAt") SELECT id, now() FROM due
       ON CONFLICT ("storeId") DO UPDATE SET "alertsCheckedAt" = now()
         WHERE "NotificationState"."alertsCheckedAt" IS NULL
           OR "NotificationState"."alertsCheckedAt" <= now() - $2 * interval '1 millisecond'
       RETURNING "storeId", "summaryDate"
     )
     SELECT s.id, s.name, t."summaryDate" FROM taken t JOIN "Store" s ON s.id = t."storeId"`,
    [storeId, ALERT_CHECK_EVERY_MS, limit],
  );
  return rows;
}

export type AlertRow = IncidentState & { storeId: string; kind: string };

export async function loadAlertStates(storeIds: string[]): Promise<AlertRow[]> {
  const { rows } = await pgPool.query<AlertRow>(
    `SELECT "storeId", kind, incident, "openedAt", "resolvedAt" FROM "AlertState" WHERE "storeId" = ANY($1::uuid[])`,
    [storeIds],
  );
  return rows;
}

/** Saves the changed incidents and queues what they tell, in one statement. */
export async function saveAlerts(changes: (AlertRow & { detail: unknown })[], rows: OutboxRow[]): Promise<void> {
  if (changes.length === 0 && rows.length === 0) return;
  await pgPool.query(
    `WITH saved AS (
       INSERT INTO "AlertState" ("storeId", kind, incident, "openedAt", "resolvedAt", detail)
       SELECT a."storeId", a.kind, a.incident, a."openedAt", a."resolvedAt", a.detail
       FROM jsonb_to_recordset($1::jsonb) AS a("storeId" uuid, kind text, incident int, "openedAt" timestamptz,
         "resolvedAt" timestamptz, detail jsonb)
       ON CONFLICT ("storeId", kind) DO UPDATE SET incident = excluded.incident, "openedAt" = excluded."openedAt",
         "resolvedAt" = excluded."resolvedAt", detail = excluded.detail
     )
     INSERT INTO "OutboxMessage" ("storeId", kind, payload, "dedupeKey", priority, "availableAt")
     SELECT q."storeId", q.kind::"OutboxKind", q.payload, q."dedupeKey", q.priority, now()
     FROM jsonb_to_recordset($2::jsonb) AS q("storeId" uuid, kind text, payload jsonb, "dedupeKey" text, priority int)
     ON CONFLICT ("storeId", "dedupeKey") DO NOTHING`,
    [JSON.stringify(changes), JSON.stringify(rows)],
  );
}

/** Marks the IST day's summary as queued; false when another drain already did. */
export async function takeSummaryDay(storeId: string, day: string): Promise<boolean> {
  const { rowCount } = await pgPool.query(
    `UPDATE "NotificationState" SET "summaryDate" = $2
     WHERE "storeId" = $1::uuid AND ("summaryDate" IS NULL OR "summaryDate" < $2)`,
    [storeId, day],
  );
  return (rowCount ?? 0) > 0;
}
