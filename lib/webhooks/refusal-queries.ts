import "server-only";
import type { Member } from "@/lib/auth/require-member";
import { db } from "@/lib/db";
import type { RefusalsDto } from "@/lib/webhooks/schemas";

// Deliveries answered 503 and not stored (WebhookRefusal, written by lib/webhooks/ingest/refusals.ts),
// for the inspector's metrics and the banner on the webhooks and orders pages. Scoped to the
// caller's store through the (storeId, minute) index: at most 1,440 rows per endpoint a day.

/** How far back the banner and the metrics look. */
export const REFUSAL_WINDOW_HOURS = 24;

/** Refusals in the last 24 hours: how many, and when the last one was (the banner). */
export async function countRecentRefusals(member: Member, now = new Date()): Promise<{ total: number; lastAt: string | null }> {
  const since = new Date(now.getTime() - REFUSAL_WINDOW_HOURS * 3_600_000);
  const rows = await db.$queryRaw<Array<{ total: number; last: Date | null }>>`
    SELECT coalesce(sum("count"), 0)::int AS total, max("minute") AS last
    FROM "WebhookRefusal" WHERE "storeId" = ${member.store.id}::uuid AND "minute" >= ${since}`;
  const row = rows[0];
  return { total: row?.total ?? 0, lastAt: row?.last?.toISOString() ?? null };
}

/** Refusals in the last 24 hours per endpoint, busiest first (the metrics tab). */
export async function getRecentRefusals(member: Member, now = new Date()): Promise<RefusalsDto> {
  const since = new Date(now.getTime() - REFUSAL_WINDOW_HOURS * 3_600_000);
  const rows = await db.$queryRaw<Array<{ endpointId: string; label: string; count: number; first: Date; last: Date }>>`
    SELECT r."endpointId", e.label, sum(r."count")::int AS count, min(r."minute") AS first, max(r."minute") AS last
    FROM "WebhookRefusal" r JOIN "WebhookEndpoint" e ON e.id = r."endpointId"
    WHERE r."storeId" = ${member.store.id}::uuid AND r."minute" >= ${since}
    GROUP BY r."endpointId", e.label ORDER BY count DESC, e.label`;
  const byEndpoint = rows.map((row) => ({
    endpointId: row.endpointId,
    label: row.label,
    count: row.count,
    firstAt: row.first.toISOString(),
    lastAt: row.last.toISOString(),
  }));
  return { total: byEndpoint.reduce((sum, row) => sum + row.count, 0), byEndpoint };
}
