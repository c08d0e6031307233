import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrderRowDto } from "@/lib/orders/schemas";

// A feed row as one SQL statement, the merchant's tags folded in as a JSON array. The feed's first
// page, the live stream's re-reads, the CSV and the order page all read rows this way: the tags as a
// separate statement (or a nested Prisma relation) cost a second round trip, and the first page
// 1.4× (2.5× with the relation) the same page without tags (docs/benchmarks.md, customers section).
// The tags are the orders domain's own SQL over the tag tables (lib/customers writes them).

/** The row's columns over "Order" o, named as OrderRowDto names them (the page statement's select list). */
export const ROW_COLUMNS = Prisma.sql`o.id::text AS id, o."tribemadeOrderId"::text AS "tribemadeOrderId",
  o.status::text AS status, o.verification::text AS verification, o.sync::text AS sync, o."syncError",
  o.version, o."customerName", o."customerPincode", o."productId", o."productName", o."productImage",
  o.quantity, o.amount::text AS amount, o."trackingUrl", o."placedAt", o."receivedAt", o."updatedAt",
  o."printedAt", o."customerId"::text AS "customerId", o."customerOrdinal"`;

/** The order's tags by name, on the (orderId, tagId) key: evaluated only for the rows returned. */
const TAGS_COLUMN = Prisma.sql`COALESCE((
    SELECT json_agg(json_build_object('id', t.id::text, 'name', t.name, 'color', t.color) ORDER BY t.name)
    FROM "OrderTag" l JOIN "Tag" t ON t.id = l."tagId" WHERE l."orderId" = o.id::uuid
  ), '[]'::json) AS tags`;

type Timestamps = "placedAt" | "receivedAt" | "updatedAt" | "printedAt";
type RowRecord = Omit<OrderRowDto, Timestamps> & {
  placedAt: Date | null;
  receivedAt: Date;
  updatedAt: Date;
  printedAt: Date | null;
};

function toOrderRow<R extends RowRecord>(record: R): Omit<R, Timestamps> & Pick<OrderRowDto, Timestamps> {
  return {
    ...record,
    placedAt: record.placedAt?.toISOString() ?? null,
    receivedAt: record.receivedAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    printedAt: record.printedAt?.toISOString() ?? null,
  };
}

/**
 * The store's rows among `ids`, in that order (ids of other stores are skipped), with `extra`
 * columns over "Order" o typed as E (the CSV's and the order page's fields beyond a row).
 */
export async function readOrderRows<E extends object = object>(
  storeId: string,
  ids: string[],
  extra: Prisma.Sql = Prisma.empty,
): Promise<Array<OrderRowDto & E>> {
  if (ids.length === 0) return [];
  const records = await db.$queryRaw<Array<RowRecord & E>>`SELECT ${ROW_COLUMNS}, ${TAGS_COLUMN} ${extra}
    FROM "Order" o WHERE o."storeId" = ${storeId}::uuid AND o.id = ANY(${ids}::uuid[])`;
  const byId = new Map(records.map((record) => [record.id, record]));
  return ids.flatMap((id) => {
    const record = byId.get(id);
    return record ? [toOrderRow(record) as OrderRowDto & E] : [];
  });
}

/**
 * The rows of one page of the feed, newest first: `pageSql` (orderPageSql selecting ROW_COLUMNS: its
 * WHERE, ORDER BY and LIMIT), then the tags of those rows only, in one round trip.
 */
export async function readOrderPage(pageSql: Prisma.Sql): Promise<OrderRowDto[]> {
  const records = await db.$queryRaw<RowRecord[]>`SELECT o.*, ${TAGS_COLUMN}
    FROM (${pageSql}) o ORDER BY o."receivedAt" DESC, o.id::uuid DESC`;
  return records.map(toOrderRow);
}
