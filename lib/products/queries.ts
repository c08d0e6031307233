import "server-only";
import type { Member } from "@/lib/auth/require-member";
import { pgPool } from "@/lib/db";
import type { ProductListQuery } from "@/lib/products/schemas";

// The /products list, scoped to the caller's store. Sales come from ProductSalesDay, the per-(product,
// India day) rollup that triggers on "Order" keep in the same statement as each verification and
// cancellation (migration 20261207120000_product_sales): the orders TribeMade confirmed, not cancelled.
// "7 days" and "30 days" are today and the 6 (29) India days before it, like the product page's chart.

export const LIST_LIMIT = 200;

export type ProductListRow = {
  id: string;
  name: string;
  image: string | null;
  stock: number | null;
  isActive: boolean | null;
  currentPrice: string | null;
  mrp: string | null;
  gone: boolean;
  low: boolean;
  units7: number;
  revenue7: string;
  units30: number;
  revenue30: string;
  lastOrderAt: Date | null;
};

const ORDER_BY = {
  name: `p.name, p.id`,
  stock: `p.stock ASC NULLS LAST, p.name, p.id`,
  sales: `units30 DESC, p.name, p.id`,
} as const;

const FILTER = {
  all: `true`,
  low: `p.stock IS NOT NULL AND p.stock <= coalesce(p."lowStockThreshold", st."lowStockThreshold")`,
  out: `p.stock = 0`,
  hidden: `p."isActive" = false`,
} as const;

// A scalar subquery: computed once per query (an InitPlan), not per row — the time-zone conversion
// per rollup row cost more than the sums themselves.
const TODAY = `(SELECT (now() AT TIME ZONE 'Asia/Kolkata')::date)`;

/** Units and revenue over 7 and 30 days from rollup rows `d` (at most 30 per product). */
const SALES_SUMS = `coalesce(sum(d.units) FILTER (WHERE d.day > ${TODAY} - 7), 0)::int AS units7,
      coalesce(sum(d.revenue) FILTER (WHERE d.day > ${TODAY} - 7), 0)::text AS revenue7,
      coalesce(sum(d.units), 0)::int AS units30, coalesce(sum(d.revenue), 0)::text AS revenue30`;

/** One product's sales: a primary-key range scan of its last 30 days. */
const SALES_LATERAL = `CROSS JOIN LATERAL (
    SELECT ${SALES_SUMS} FROM "ProductSalesDay" d
    WHERE d."storeId" = p."storeId" AND d."productId" = p."tribemadeProductId" AND d.day > ${TODAY} - 30
  ) s`;

const COLUMNS = `p.id::text, p.name, p.image, p.stock, p."isActive", p."currentPrice"::text AS "currentPrice", p.mrp::text AS mrp,
    p."goneAt" IS NOT NULL AS gone,
    coalesce(p.stock <= coalesce(p."lowStockThreshold", st."lowStockThreshold"), false) AS low,
    s.units7, s.revenue7, s.units30, s.revenue30,
    (SELECT max(o."receivedAt") FROM "Order" o WHERE o."storeId" = p."storeId" AND o."productId" = p."tribemadeProductId")
      AS "lastOrderAt"`;

const WHERE = (filter: ProductListQuery["filter"]) =>
  `p."storeId" = $1::uuid AND ($2 = '' OR p.name ILIKE '%' || $2 || '%' OR p."tribemadeProductId" = $2) AND ${FILTER[filter]}`;

/**
 * The page of products first, then each shown product's sales from the rollup. By name or stock the
 * page is a top-N on the products table; by sales it ranks on the store's 30-day units, summed from
 * its rollup rows (one index-only range scan, a few rows per product; integers only — the revenue
 * sums wait for the 200 shown).
 */
export async function listProducts(member: Member, query: ProductListQuery): Promise<{ rows: ProductListRow[]; total: number }> {
  const params = [member.store.id, escapeLike(query.q)];
  const page =
    query.sort === "sales"
      ? `WITH rank AS (
           SELECT d."productId", sum(d.units) AS units30
           FROM "ProductSalesDay" d WHERE d."storeId" = $1::uuid AND d.day > ${TODAY} - 30
           GROUP BY d."productId"
         ), page AS (
           SELECT p.*, coalesce(rank.units30, 0) AS rank FROM "Product" p JOIN "Store" st ON st.id = p."storeId"
           LEFT JOIN rank ON rank."productId" = p."tribemadeProductId"
           WHERE ${WHERE(query.filter)} ORDER BY rank DESC, p.name, p.id LIMIT ${LIST_LIMIT}
         )`
      : `WITH page AS (
           SELECT p.* FROM "Product" p JOIN "Store" st ON st.id = p."storeId"
           WHERE ${WHERE(query.filter)} ORDER BY ${ORDER_BY[query.sort]} LIMIT ${LIST_LIMIT}
         )`;
  const sql = `${page}
    SELECT ${COLUMNS} FROM page p JOIN "Store" st ON st.id = p."storeId" ${SALES_LATERAL}
    ORDER BY ${ORDER_BY[query.sort]}`;
  const [list, count] = await Promise.all([
    pgPool.query<ProductListRow>(sql, params),
    pgPool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Product" p JOIN "Store" st ON st.id = p."storeId" WHERE ${WHERE(query.filter)}`,
      params,
    ),
  ]);
  return { rows: list.rows, total: count.rows[0]?.n ?? 0 };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

export async function countProducts(member: Member): Promise<number> {
  const { rows } = await pgPool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Product" WHERE "storeId" = $1::uuid`, [
    member.store.id,
  ]);
  return rows[0]?.n ?? 0;
}

export async function getStockSettings(member: Member) {
  const { rows } = await pgPool.query<{ stockKeeper: "tribemade" | "tribedesk"; lowStockThreshold: number; hideAtZero: boolean }>(
    `SELECT "stockKeeper"::text AS "stockKeeper", "lowStockThreshold", "hideAtZero" FROM "Store" WHERE id = $1::uuid`,
    [member.store.id],
  );
  return rows[0]!;
}

/**
 * Low-stock alerts raised or cleared since `since` in a store (newest first): ProductEvent rows of
 * type low_stock / restocked. For the notifications domain's reading by its own SQL, and for the app.
 */
export async function lowStockEvents(storeId: string, since: Date) {
  const { rows } = await pgPool.query<{
    productId: string;
    name: string;
    type: "low_stock" | "restocked";
    stock: number | null;
    at: Date;
  }>(
    `SELECT e."productId"::text AS "productId", p.name, e.type, (e.data->>'stock')::int AS stock, e."createdAt" AS at
     FROM "ProductEvent" e JOIN "Product" p ON p.id = e."productId"
     WHERE e."storeId" = $1::uuid AND e.type IN ('low_stock', 'restocked') AND e."createdAt" >= $2
     ORDER BY e."createdAt" DESC LIMIT 100`,
    [storeId, since],
  );
  return rows;
}
