import "server-only";
import { pgPool } from "@/lib/db";
import { takeSummaryDay, type StoreTurn } from "@/lib/notifications/alerts/state";
import { emailEnabled } from "@/lib/notifications/mailer";
import { notificationRows } from "@/lib/notifications/outbox/messages";
import { istDay, summaryNotification, type SummaryFacts } from "@/lib/notifications/summary/summary-text";

// The daily summary: from 08:00 IST, the first drain that checks a store's alerts queues the day's
// summary email once (NotificationState.summaryDate), for the members who want it. On Vercel Hobby
// the daily cron (vercel.json, 03:17 UTC = 08:47 IST) is the drain that does it when no dashboard is
// open; with the listener (`npm start`) it goes out within a minute of 08:00.

export async function queueDailySummary(store: StoreTurn, now: Date): Promise<boolean> {
  if (!emailEnabled()) return false;
  const day = istDay(now);
  if (!day.due || (store.summaryDate !== null && store.summaryDate >= day.today)) return false;
  if (!(await takeSummaryDay(store.id, day.today))) return false;
  const facts = await readFacts(store.id, day.yesterday, day.todayStartUtc);
  // Nothing happened and nothing waits: no email (a quiet or brand-new store is not worth a mail a day).
  if (facts.orders === 0 && facts.toProcess === 0 && facts.failedSyncs === 0) return false;
  const [row] = notificationRows(store.id, summaryNotification(store.name, facts), ["email"]);
  await pgPool.query(
    `INSERT INTO "OutboxMessage" ("storeId", kind, payload, "dedupeKey", priority)
     VALUES ($1::uuid, $2::"OutboxKind", $3::jsonb, $4, $5) ON CONFLICT ("storeId", "dedupeKey") DO NOTHING`,
    [row!.storeId, row!.kind, JSON.stringify(row!.payload), row!.dedupeKey, row!.priority],
  );
  return true;
}

async function readFacts(storeId: string, yesterday: string, todayStart: Date): Promise<SummaryFacts> {
  const { rows } = await pgPool.query<Omit<SummaryFacts, "day">>(
    `SELECT
       count(*) FILTER (WHERE "receivedAt" >= $2::timestamptz - interval '1 day' AND "receivedAt" < $2)::int AS orders,
       coalesce(sum(amount) FILTER (WHERE "receivedAt" >= $2::timestamptz - interval '1 day' AND "receivedAt" < $2), 0)::text AS revenue,
       count(*) FILTER (WHERE status IN ('started', 'processing'))::int AS "toProcess",
       count(*) FILTER (WHERE status IN ('started', 'processing') AND "receivedAt" < now() - interval '1 day')::int AS "olderThanDay",
       count(*) FILTER (WHERE sync = 'failed')::int AS "failedSyncs"
     FROM "Order" WHERE "storeId" = $1::uuid AND verification <> 'not_found'`,
    [storeId, todayStart],
  );
  return { day: yesterday, ...rows[0]! };
}
