import "server-only";
import type { Member } from "@/lib/auth/require-member";
import { db } from "@/lib/db";

// Deliveries ingest could not store (recorded as rejected / internal_error and answered 503), for
// the dashboard's "webhooks are failing" banner. Looks only at the store's latest deliveries
// through the (storeId, receivedAt) index, so its cost does not grow with the store's volume.

/** How far back the banner looks. */
export const FAILURE_WINDOW_MINUTES = 15;
const SCAN_LIMIT = 500;

export async function recentIngestFailures(member: Member): Promise<number> {
  const rows = await db.$queryRaw<{ failures: number }[]>`
    SELECT count(*)::int AS failures FROM (
      SELECT reason FROM "WebhookDelivery"
      WHERE "storeId" = ${member.store.id}::uuid AND "receivedAt" > now() - make_interval(mins => ${FAILURE_WINDOW_MINUTES})
      ORDER BY "receivedAt" DESC LIMIT ${SCAN_LIMIT}
    ) AS latest WHERE reason = 'internal_error'`;
  return rows[0]?.failures ?? 0;
}
