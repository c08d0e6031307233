import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { deliveryMatchSql } from "@/lib/search/delivery-match";
import { afterCursorSql, decodeCursor, NEWEST_FIRST } from "@/lib/search/keyset";
import { parseSearch } from "@/lib/search/terms";
import { RANGE_MS, type DeliveryListQuery } from "@/lib/webhooks/schemas";

// One page of the deliveries inspector as one statement over "WebhookDelivery" d: every filter is a
// condition an index serves (outcome: (storeId, outcome, receivedAt); endpoint: (endpointId,
// receivedAt); time range and paging: (storeId, receivedAt)). A search is a UNION of up to two
// newest-first statements, each with the page's LIMIT (deliveryMatchSql says why), merged and cut
// to the page again. Returns the ids of up to limit + 1 rows, newest first; null when the search
// cannot match anything.

export function deliveryPageSql(storeId: string, query: DeliveryListQuery, now = new Date()): Prisma.Sql | null {
  const where: Prisma.Sql[] = [Prisma.sql`d."storeId" = ${storeId}::uuid`];
  if (query.outcome) where.push(Prisma.sql`d.outcome = ${query.outcome}::"DeliveryOutcome"`);
  if (query.endpoint) where.push(Prisma.sql`d."endpointId" = ${query.endpoint}::uuid`);
  if (query.reason) where.push(Prisma.sql`d.reason = ${query.reason}`);
  if (query.range !== "all") {
    const since = new Date(now.getTime() - RANGE_MS[query.range]).toISOString();
    where.push(Prisma.sql`d."receivedAt" >= ${since}::timestamptz`);
  }
  if (query.cursor) where.push(afterCursorSql("d", decodeCursor(query.cursor)));
  const take = query.limit + 1;
  if (!query.q) {
    return Prisma.sql`SELECT d.id FROM "WebhookDelivery" d WHERE ${Prisma.join(where, " AND ")}
      ORDER BY ${NEWEST_FIRST("d")} LIMIT ${take}`;
  }
  const terms = parseSearch(query.q);
  const match = terms ? deliveryMatchSql(terms) : null;
  // One or two letters mean nothing yet: no rows, rather than every row.
  if (!match) return null;
  const branches: Prisma.Sql[] = [];
  if (match.own) {
    branches.push(Prisma.sql`(SELECT d.id, d."receivedAt" FROM "WebhookDelivery" d
      WHERE ${Prisma.join([...where, match.own], " AND ")} ORDER BY ${NEWEST_FIRST("d")} LIMIT ${take})`);
  }
  if (match.customer) {
    branches.push(Prisma.sql`(SELECT d.id, d."receivedAt" FROM "WebhookDelivery" d
      JOIN "Order" o ON o.id = d."orderId" AND o."storeId" = ${storeId}::uuid
      WHERE ${Prisma.join([...where, match.customer], " AND ")} ORDER BY ${NEWEST_FIRST("d")} LIMIT ${take})`);
  }
  return Prisma.sql`SELECT m.id FROM (${Prisma.join(branches, " UNION ")}) m ORDER BY ${NEWEST_FIRST("m")} LIMIT ${take}`;
}

/**
 * Parallel workers under a Gather Merge run ahead of a LIMIT (each fills its queue before the
 * leader stops them): the newest-first walk of a common word read 138,000 buffers with two workers
 * and 6,700 without. A search page runs in a transaction that turns them off.
 */
export const SEARCH_SESSION_SQL = "SET LOCAL max_parallel_workers_per_gather = 0";
