import "server-only";
import type { Member } from "@/lib/auth/require-member";
import { db } from "@/lib/db";
import type { DeliveryMetricsDto } from "@/lib/webhooks/schemas";
import type { DeliveryOutcome } from "@/lib/webhooks/payload-schema";
import { getRecentRefusals } from "@/lib/webhooks/refusal-queries";

// The inspector's Metrics tab: one store's last 24 hours, read with four aggregate statements.
// Takes the caller's Member (requireMember() in the route or page).

const HOUR_MS = 3_600_000;
const TOP_REASONS = 8;
/**
 * Hour buckets start on IST's hours (UTC+05:30, no daylight saving), the clock merchants read the
 * chart in: a UTC-aligned bucket would show as "14:30–15:30".
 */
const IST_HOUR_ORIGIN = "2000-01-01T00:00:00+05:30";
const IST_HOUR_ORIGIN_MS = Date.parse(IST_HOUR_ORIGIN);

/**
 * The last 24 hours: deliveries per hour (24 buckets, the current hour last), outcome counts,
 * rejection reasons, and time-to-ack percentiles. Replays count as deliveries but stay out of the
 * percentiles: they measure this app re-running ingest, not how fast TribeMade got its answer.
 */
export async function getDeliveryMetrics(member: Member, now = new Date()): Promise<DeliveryMetricsDto> {
  const storeId = member.store.id;
  const currentHour = IST_HOUR_ORIGIN_MS + Math.floor((now.getTime() - IST_HOUR_ORIGIN_MS) / HOUR_MS) * HOUR_MS;
  const from = new Date(currentHour - 23 * HOUR_MS);
  // date_bin with an explicit origin, not date_trunc: date_trunc on a timestamptz cuts in the
  // session's time zone, which differs between a laptop and a managed database.
  const [perHour, reasons, ack, refused] = await Promise.all([
    db.$queryRaw<Array<{ hour: Date; outcome: DeliveryOutcome; count: number; replays: number }>>`
      SELECT date_bin('1 hour', "receivedAt", ${IST_HOUR_ORIGIN}::timestamptz) AS hour, outcome::text AS outcome,
             count(*)::int AS count, count("replayOfId")::int AS replays
      FROM "WebhookDelivery"
      WHERE "storeId" = ${storeId}::uuid AND "receivedAt" >= ${from}
      GROUP BY 1, 2`,
    db.$queryRaw<Array<{ reason: string | null; count: number }>>`
      SELECT reason, count(*)::int AS count
      FROM "WebhookDelivery"
      WHERE "storeId" = ${storeId}::uuid AND "receivedAt" >= ${from} AND outcome = 'rejected'
      GROUP BY reason ORDER BY count DESC, reason LIMIT ${TOP_REASONS}`,
    db.$queryRaw<Array<{ p: number[] | null; max: number | null; samples: number }>>`
      SELECT percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY "ackMs") AS p,
             max("ackMs") AS max, count("ackMs")::int AS samples
      FROM "WebhookDelivery"
      WHERE "storeId" = ${storeId}::uuid AND "receivedAt" >= ${from} AND "replayOfId" IS NULL`,
    getRecentRefusals(member, now),
  ]);

  const hours = Array.from({ length: 24 }, (_, index) => ({
    hour: new Date(from.getTime() + index * HOUR_MS).toISOString(),
    accepted: 0,
    duplicate: 0,
    rejected: 0,
  }));
  const totals = { accepted: 0, duplicate: 0, rejected: 0, replays: 0 };
  for (const row of perHour) {
    const bucket = hours[Math.round((row.hour.getTime() - from.getTime()) / HOUR_MS)];
    if (bucket) bucket[row.outcome] += row.count;
    totals[row.outcome] += row.count;
    totals.replays += row.replays;
  }
  const stats = ack[0];
  return {
    from: from.toISOString(),
    to: now.toISOString(),
    hours,
    totals,
    reasons: reasons.map((row) => ({ reason: row.reason ?? "unknown", count: row.count })),
    ack: {
      p50: stats?.p?.[0] ?? null,
      p95: stats?.p?.[1] ?? null,
      p99: stats?.p?.[2] ?? null,
      max: stats?.max ?? null,
      samples: stats?.samples ?? 0,
    },
    refused,
  };
}
