import "server-only";
import type { Member } from "@/lib/auth/require-member";
import { pgPool } from "@/lib/db";
import type { ProductListQuery } from "@/lib/products/schemas";

// The /products list, scoped to the caller's store. Sales come from Tribedesk's own orders (the
// ones TribeMade did not disown and that are not cancelled), aggregated over 30 days in one pass of
// the (storeId, productId, receivedAt) index; the last order is read per shown row only.

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
  sales: `coalesce(s.units30, 0) DESC, p.name, p.id`,
} as const;

const FILTER = {
  all: `true`,
  low: `p.stock IS NOT NULL AND p.stock <= coalesce(p."lowStockThreshold", st."lowStockThreshold")`,
  out: `p.stock = 0`,
  hidden: `p."isActive" = false`,
} as const;

export async function listProducts(member: Member, query: ProductListQuery): Promise<{ rows: ProductListRow[]; total: number }> {
  const { rows } = await pgPool.query<ProductListRow & { total: string }>(
    `WITH s AS (
       SELECT "productId",
         sum(quantity) FILTER (WHERE "receivedAt" >= now() - interval '7 days')::int AS units7,
         coalesce(sum(amount) FILTER (WHERE "receivedAt" >= now() - interval '7 days'), 0)::text AS revenue7,
         sum(quantity)::int AS units30, sum(amount)::text AS revenue30
       FROM "Order"
       WHERE "storeId" = $1::uuid AND "receivedAt" >= now() - interval '30 days' AND "productId" IS NOT NULL
         AND status <> 'cancelled' AND verification <> 'not_found'
       GROUP BY "productId"
     )
     SELECT p.id::text, p.name, p.image, p.stock, p."isActive", p."currentPrice"::text AS "currentPrice", p.mrp::text AS mrp,
       p."goneAt" IS NOT NULL AS gone,
       coalesce(p.stock <= coalesce(p."lowStockThreshold", st."lowStockThreshold"), false) AS low,
       coalesce(s.units7, 0) AS units7, coalesce(s.revenue7, '0') AS revenue7,
       coalesce(s.units30, 0) AS units30, coalesce(s.revenue30, '0') AS revenue30,
       (SELECT max(o."receivedAt") FROM "Order" o WHERE o."storeId" = p."storeId" AND o."productId" = p."tribemadeProductId")
         AS "lastOrderAt",
       count(*) OVER () AS total
     FROM "Product" p JOIN "Store" st ON st.id = p."storeId"
     LEFT JOIN s ON s."productId" = p."tribemadeProductId"
     WHERE p."storeId" = $1::uuid AND ($2 = '' OR p.name ILIKE '%' || $2 || '%' OR p."tribemadeProductId" = $2)
       AND ${FILTER[query.filter]}
     ORDER BY ${ORDER_BY[query.sort]}
     LIMIT ${LIST_LIMIT}`,
    [member.store.id, escapeLike(query.q)],
  );
  return { rows: rows.map(({ total: _total, ...row }) => row), total: Number(rows[0]?.total ?? 0) };
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
