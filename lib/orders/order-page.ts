import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { filterRange } from "@/lib/orders/ist-days";
import { OPEN_STATUSES, type OrderFilters, type OrderListQuery } from "@/lib/orders/schemas";
import { afterCursorSql, decodeCursor, NEWEST_FIRST } from "@/lib/search/keyset";
import { orderMatchSql } from "@/lib/search/order-match";
import { parseSearch } from "@/lib/search/terms";

// The orders feed as statements over "Order" o, each filter a condition an index serves: status
// (storeId, status, receivedAt), verification (storeId, verification, receivedAt), sync (storeId,
// sync, receivedAt), the date range and paging (storeId, receivedAt, id), a tag (OrderTag); the
// search is orderMatchSql. The CSV export pages through the same statement (docs/search.md).

/** The conditions for these filters, or null when the search text cannot match anything. */
export function orderConditions(
  storeId: string,
  filters: OrderFilters,
  now = new Date(),
  options: { status?: boolean } = {},
): Prisma.Sql[] | null {
  const where: Prisma.Sql[] = [Prisma.sql`o."storeId" = ${storeId}::uuid`];
  if (filters.status && options.status !== false) where.push(Prisma.sql`o.status = ${filters.status}::"OrderStatus"`);
  // Orders TribeMade's API does not know are kept out of the feed unless asked for (they may be
  // forged: docs/architecture.md "Authenticity"); "not_found" is then a filter like any other.
  if (filters.verification) where.push(Prisma.sql`o.verification = ${filters.verification}::"Verification"`);
  else where.push(Prisma.sql`o.verification <> 'not_found'`);
  if (filters.sync) where.push(Prisma.sql`o.sync = ${filters.sync}::"SyncState"`);
  const range = filterRange(filters, now);
  if (range?.from) where.push(Prisma.sql`o."receivedAt" >= ${range.from.toISOString()}::timestamptz`);
  if (range?.to) where.push(Prisma.sql`o."receivedAt" < ${range.to.toISOString()}::timestamptz`);
  // A tag's orders: the (tagId, orderId) index, or the order's (orderId, tagId) key per row.
  if (filters.tag) {
    where.push(Prisma.sql`EXISTS (SELECT 1 FROM "OrderTag" t WHERE t."orderId" = o.id AND t."tagId" = ${filters.tag}::uuid)`);
  }
  if (filters.q) {
    const terms = parseSearch(filters.q);
    const match = terms ? orderMatchSql(terms, "o") : null;
    if (!match) return null;
    where.push(match);
  }
  return where;
}

/** `columns` (the id by default) of up to limit + 1 orders, newest first; null when nothing can match. */
export function orderPageSql(
  storeId: string,
  query: OrderListQuery,
  now = new Date(),
  columns = Prisma.sql`o.id`,
): Prisma.Sql | null {
  const where = orderConditions(storeId, query, now);
  if (!where) return null;
  if (query.cursor) where.push(afterCursorSql("o", decodeCursor(query.cursor)));
  return Prisma.sql`SELECT ${columns} FROM "Order" o WHERE ${Prisma.join(where, " AND ")}
    ORDER BY ${NEWEST_FIRST("o")} LIMIT ${query.limit + 1}`;
}

/**
 * Orders per open status under every filter but the status. Only open statuses are counted: they
 * are small (the work at hand) and range scans of the status index, where counting delivered
 * orders would read most of a busy store's history on every refresh.
 */
export function orderCountsSql(storeId: string, filters: OrderFilters, now = new Date()): Prisma.Sql | null {
  const where = orderConditions(storeId, filters, now, { status: false });
  if (!where) return null;
  const open = Prisma.join(OPEN_STATUSES.map((status) => Prisma.sql`${status}::"OrderStatus"`));
  return Prisma.sql`SELECT o.status::text AS status, count(*)::int AS count FROM "Order" o
    WHERE ${Prisma.join(where, " AND ")} AND o.status IN (${open}) GROUP BY o.status`;
}
