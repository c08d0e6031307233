import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { deliveryMatchSql } from "@/lib/search/delivery-match";
import { afterCursorSql, decodeCursor, NEWEST_FIRST } from "@/lib/search/keyset";
import { parseSearch } from "@/lib/search/terms";
import { RANGE_MS, type DeliveryListQuery } from "@/lib/webhooks/schemas";

// One page of the deliveries inspector over "WebhookDelivery" d: every filter is a condition an index
// serves (outcome: (storeId, outcome, receivedAt); endpoint: (endpointId, receivedAt); time range and
// paging: (storeId, receivedAt)). A search is a UNION of newest-first statements, each with the
// page's LIMIT (deliveryMatchSql says why), merged and cut to the page again. A search by customer
// takes two statements: `created` first, whose rows the page statement then merges and starts from
// (createdSql says why). The page returns the ids of up to limit + 1 rows, newest first.

/** A row of the `created` statement. */
export type CreatedRow = { id: string; receivedAt: Date };

export type DeliveryPageStatements = {
  /** For a search by customer: run first, in the same transaction, and hand its rows to `page`. */
  created: Prisma.Sql | null;
  page: (created: CreatedRow[]) => Prisma.Sql;
};

/** null when the search cannot match anything. */
export function deliveryPageStatements(
  storeId: string,
  query: DeliveryListQuery,
  now = new Date(),
): DeliveryPageStatements | null {
  const filters: Prisma.Sql[] = [];
  if (query.outcome) filters.push(Prisma.sql`d.outcome = ${query.outcome}::"DeliveryOutcome"`);
  if (query.endpoint) filters.push(Prisma.sql`d."endpointId" = ${query.endpoint}::uuid`);
  if (query.reason) filters.push(Prisma.sql`d.reason = ${query.reason}`);
  const since = query.range === "all" ? null : new Date(now.getTime() - RANGE_MS[query.range]).toISOString();
  if (since) filters.push(Prisma.sql`d."receivedAt" >= ${since}::timestamptz`);
  const cursor = query.cursor ? decodeCursor(query.cursor) : null;
  if (cursor) filters.push(afterCursorSql("d", cursor));
  const where = [Prisma.sql`d."storeId" = ${storeId}::uuid`, ...filters];
  const take = query.limit + 1;
  if (!query.q) {
    const sql = Prisma.sql`SELECT d.id FROM "WebhookDelivery" d WHERE ${Prisma.join(where, " AND ")}
      ORDER BY ${NEWEST_FIRST("d")} LIMIT ${take}`;
    return { created: null, page: () => sql };
  }
  const terms = parseSearch(query.q);
  const match = terms ? deliveryMatchSql(terms) : null;
  // One or two letters mean nothing yet: no rows, rather than every row.
  if (!match) return null;
  const { own, customer } = match;
  // A rejected delivery has no order, so a customer's deliveries are accepted or duplicates.
  const withCreated = query.outcome !== "duplicate" && query.outcome !== "rejected" ? customer : null;
  const withDuplicates = !query.outcome || query.outcome === "duplicate" ? customer : null;

  let created: Prisma.Sql | null = null;
  if (withCreated) {
    // The deliveries' time conditions repeated on the order, as a range its (storeId, receivedAt) index serves.
    const orderTime: Prisma.Sql[] = [];
    if (since) orderTime.push(Prisma.sql`o."receivedAt" >= ${since}::timestamptz`);
    if (cursor) orderTime.push(Prisma.sql`o."receivedAt" <= ${cursor.receivedAt.toISOString()}::timestamptz`);
    // The store is the order's: an order's deliveries are its store's, and the rows are read back
    // within the store (lib/webhooks/delivery-rows.ts). The delivery's own storeId condition as
    // well made the planner count the store's share twice (the join 11 times too small) and sort
    // every match where walking the orders was cheaper.
    created = createdSql(
      Prisma.join([Prisma.sql`o."storeId" = ${storeId}::uuid`, withCreated, ...orderTime, ...filters], " AND "),
      take,
    );
  }

  return {
    created,
    page(createdRows) {
      const branches: Prisma.Sql[] = [];
      if (own) {
        branches.push(Prisma.sql`(SELECT d.id, d."receivedAt" FROM "WebhookDelivery" d
          WHERE ${Prisma.join([...where, own], " AND ")} ORDER BY ${NEWEST_FIRST("d")} LIMIT ${take})`);
      }
      if (withCreated && createdRows.length > 0) {
        branches.push(Prisma.sql`SELECT c.id, c."receivedAt"
          FROM unnest(${createdRows.map((row) => row.id)}::uuid[], ${createdRows.map((row) => row.receivedAt.toISOString())}::timestamptz[])
            AS c(id, "receivedAt")`);
      }
      if (withDuplicates) {
        // Only duplicates at or after the created page's oldest row can reach the page: with that
        // time as a value, the planner sees how few there are and looks their orders up one by one.
        const full = withCreated && createdRows.length >= take;
        const oldest = full ? Math.min(...createdRows.map((row) => row.receivedAt.getTime())) : null;
        const conditions = [...where, Prisma.sql`d.outcome = 'duplicate'`, withDuplicates];
        if (oldest !== null) conditions.push(Prisma.sql`d."receivedAt" >= ${new Date(oldest).toISOString()}::timestamptz`);
        branches.push(Prisma.sql`(SELECT d.id, d."receivedAt" FROM "WebhookDelivery" d
          JOIN "Order" o ON o.id = d."orderId" AND o."storeId" = ${storeId}::uuid
          WHERE ${Prisma.join(conditions, " AND ")} ORDER BY ${NEWEST_FIRST("d")} LIMIT ${take})`);
      }
      // No branch can have rows (an outcome filter, no created rows): the same merge over nothing.
      if (branches.length === 0)
        branches.push(Prisma.sql`SELECT NULL::uuid AS id, NULL::timestamptz AS "receivedAt" WHERE false`);
      return Prisma.sql`SELECT m.id FROM (${Prisma.join(branches, " UNION ")}) m ORDER BY ${NEWEST_FIRST("m")} LIMIT ${take}`;
    },
  };
}

/**
 * A search by customer's deliveries that created their order (outcome accepted). The ingest
 * statement writes such a delivery and its order together, both at the statement's now(), so the
 * delivery's receivedAt is its order's: walking the store's orders newest first (the feed's index
 * and pages, and the feed's plan for the same word) meets them in the page's order, and a common
 * word stops after a page of matching orders, one delivery lookup each. Walking the deliveries
 * instead looked up the order of every delivery passed (2,010 for a page of "Pillai" in a store of
 * 200,000: 10,865 buffers, most of them the order key's scattered pages). All rows tied on the
 * last time are kept (WITH TIES): the page is cut on the delivery's (receivedAt, id) afterwards.
 * The duplicates (the same order sent again, later) are the page statement's own branch.
 */
function createdSql(conditions: Prisma.Sql, take: number): Prisma.Sql {
  return Prisma.sql`SELECT d.id::text AS id, d."receivedAt" FROM "Order" o
    JOIN "WebhookDelivery" d ON d."orderId" = o.id AND d.outcome = 'accepted'
    WHERE ${conditions}
    ORDER BY o."receivedAt" DESC FETCH FIRST ${take} ROWS WITH TIES`;
}

/**
 * Parallel workers under a Gather Merge run ahead of a LIMIT (each fills its queue before the
 * leader stops them): the newest-first walk of a common word read 138,000 buffers with two workers
 * and 6,700 without. A search page runs in a transaction that turns them off.
 */
export const SEARCH_SESSION_SQL = "SET LOCAL max_parallel_workers_per_gather = 0";
