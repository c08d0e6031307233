import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { deliveryMatchSql } from "@/lib/search/delivery-match";
import { afterCursorSql, decodeCursor, NEWEST_FIRST } from "@/lib/search/keyset";
import { parseSearch } from "@/lib/search/terms";
import { RANGE_MS, type DeliveryListQuery } from "@/lib/webhooks/schemas";

// One page of the deliveries inspector as one statement over "WebhookDelivery" d: every filter is a
// condition an index serves (outcome: (storeId, outcome, receivedAt); endpoint: (endpointId,
// receivedAt); time range and paging: (storeId, receivedAt)), and the search is deliveryMatchSql.
// Returns the ids of up to limit + 1 rows, newest first; null when the search cannot match anything.

export function deliveryPageSql(storeId: string, query: DeliveryListQuery, now = new Date()): Prisma.Sql | null {
  const where: Prisma.Sql[] = [Prisma.sql`d."storeId" = ${storeId}::uuid`];
  if (query.outcome) where.push(Prisma.sql`d.outcome = ${query.outcome}::"DeliveryOutcome"`);
  if (query.endpoint) where.push(Prisma.sql`d."endpointId" = ${query.endpoint}::uuid`);
  if (query.reason) where.push(Prisma.sql`d.reason = ${query.reason}`);
  if (query.range !== "all") {
    const since = new Date(now.getTime() - RANGE_MS[query.range]).toISOString();
    where.push(Prisma.sql`d."receivedAt" >= ${since}::timestamptz`);
  }
  if (query.q) {
    const terms = parseSearch(query.q);
    const match = terms ? deliveryMatchSql(storeId, terms) : null;
    // One or two letters mean nothing yet: no rows, rather than every row.
    if (!match) return null;
    where.push(match);
  }
  if (query.cursor) where.push(afterCursorSql("d", decodeCursor(query.cursor)));
  return Prisma.sql`SELECT d.id FROM "WebhookDelivery" d WHERE ${Prisma.join(where, " AND ")}
    ORDER BY ${NEWEST_FIRST("d")} LIMIT ${query.limit + 1}`;
}
