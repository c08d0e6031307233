import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/app-error";
import type { CustomerListQuery, CustomerSort } from "@/lib/customers/schemas";
import { likeContains, likePrefix } from "@/lib/search/order-match";
import { parseSearch } from "@/lib/search/terms";

// One page of the customers list as one statement: the store's customers in the chosen order,
// largest first, after the cursor, matching the search. Each sort is an index (storeId, column, id)
// read backwards; the search kinds (name contains, phone digits and email prefixes) are trigram
// indexes, OR-ed as in the orders feed (docs/search.md).

const SORT_COLUMN: Record<CustomerSort, string> = { orders: "orderCount", spend: "totalSpent", last: "lastOrderAt" };

type CursorValue = { value: string; id: string };

/** The cursor after `row` under `sort`: its sort value and id. */
export function encodeCustomerCursor(
  sort: CustomerSort,
  row: { id: string; orderCount: number; totalSpent: string; lastOrderAt: string },
) {
  const value = sort === "orders" ? String(row.orderCount) : sort === "spend" ? row.totalSpent : row.lastOrderAt;
  return Buffer.from(`${sort}|${value}|${row.id}`).toString("base64url");
}

function decodeCursor(sort: CustomerSort, cursor: string): CursorValue {
  const [cursorSort, value, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const valid =
    cursorSort === sort &&
    id !== undefined &&
    /^[0-9a-f-]{36}$/i.test(id) &&
    value !== undefined &&
    (sort === "last" ? !Number.isNaN(Date.parse(value)) : /^\d+(\.\d+)?$/.test(value));
  if (!valid) {
    throw new AppError("validation_failed", "The page cursor is not valid.", [{ path: "cursor", message: "is not valid" }]);
  }
  return { value: value!, id: id! };
}

/** null when the search can match no customer. */
export function customerPageSql(storeId: string, query: CustomerListQuery): Prisma.Sql | null {
  const column = Prisma.raw(`c."${SORT_COLUMN[query.sort]}"`);
  const conditions: Prisma.Sql[] = [Prisma.sql`c."storeId" = ${storeId}::uuid`];
  if (query.q) {
    const match = customerMatchSql(query.q);
    if (!match) return null;
    conditions.push(match);
  }
  if (query.cursor) {
    const after = decodeCursor(query.sort, query.cursor);
    const value =
      query.sort === "orders"
        ? Prisma.sql`${Number(after.value)}::int`
        : query.sort === "spend"
          ? Prisma.sql`${after.value}::numeric`
          : Prisma.sql`${after.value}::timestamptz`;
    conditions.push(Prisma.sql`(${column}, c.id) < (${value}, ${after.id}::uuid)`);
  }
  return Prisma.sql`
    SELECT c.id, c.name, c.email, c.phone, c."phoneKey", c."orderCount", c."totalSpent", c."firstOrderAt", c."lastOrderAt"
    FROM "Customer" c
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY ${column} DESC, c.id DESC
    LIMIT ${query.limit + 1}`;
}

function customerMatchSql(q: string): Prisma.Sql | null {
  const terms = parseSearch(q);
  if (!terms) return null;
  const conditions: Prisma.Sql[] = [];
  if (terms.name) conditions.push(Prisma.sql`c.name ILIKE ${likeContains(terms.name)}`);
  if (terms.emailPrefix) conditions.push(Prisma.sql`c.email LIKE ${likePrefix(terms.emailPrefix)}`);
  if (terms.phonePrefix) conditions.push(Prisma.sql`c."phoneKey" LIKE ${likePrefix(terms.phonePrefix)}`);
  return conditions.length > 0 ? Prisma.sql`(${Prisma.join(conditions, " OR ")})` : null;
}
