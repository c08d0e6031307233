import "server-only";
import type { Member } from "@/lib/auth/require-member";
import { pgPool } from "@/lib/db";

// One product's page, scoped to the caller's store: the product, its latest orders (from the
// orders table by the products domain's own SQL), units per day over 30 days (IST days), and its
// timeline of stock changes and edits with who and why.

export type ProductDetail = {
  id: string;
  tribemadeProductId: string;
  name: string;
  image: string | null;
  stock: number | null;
  isActive: boolean | null;
  mrp: string | null;
  currentPrice: string | null;
  shippingCost: string | null;
  variations: string[];
  sizes: string[];
  colors: string[];
  internalNote: string | null;
  lastReadAt: Date | null;
  goneAt: Date | null;
  threshold: number;
  lowStockSince: Date | null;
  stockKeeper: "tribemade" | "tribedesk";
};

export type ProductOrderRow = {
  id: string;
  customerName: string;
  quantity: number;
  amount: string;
  status: string;
  receivedAt: Date;
};
export type DayUnits = { day: string; units: number };
export type ProductEventRow = { id: string; type: string; actor: string; data: Record<string, unknown> | null; createdAt: Date };

export async function getProductPage(member: Member, productId: string) {
  const storeId = member.store.id;
  const { rows } = await pgPool.query<ProductDetail>(
    `SELECT p.id::text, p."tribemadeProductId", p.name, p.image, p.stock, p."isActive", p.mrp::text AS mrp,
       p."currentPrice"::text AS "currentPrice", p."shippingCost"::text AS "shippingCost", p.variations, p.sizes, p.colors,
       p."internalNote", p."lastReadAt", p."goneAt", coalesce(p."lowStockThreshold", s."lowStockThreshold") AS threshold,
       p."lowStockSince", s."stockKeeper"::text AS "stockKeeper"
     FROM "Product" p JOIN "Store" s ON s.id = p."storeId" WHERE p.id = $1::uuid AND p."storeId" = $2::uuid`,
    [productId, storeId],
  );
  const product = rows[0];
  if (!product) return null;
  const [orders, days, events] = await Promise.all([
    pgPool.query<ProductOrderRow>(
      `SELECT id::text, "customerName", quantity, amount::text AS amount, status::text AS status, "receivedAt"
       FROM "Order" WHERE "storeId" = $1::uuid AND "productId" = $2 ORDER BY "receivedAt" DESC LIMIT 25`,
      [storeId, product.tribemadeProductId],
    ),
    pgPool.query<DayUnits>(
      // The same sales as /products: the ProductSalesDay rollup (docs/products.md "Sales").
      `SELECT to_char(d.day, 'YYYY-MM-DD') AS day, coalesce(s.units, 0)::int AS units
       FROM generate_series((now() AT TIME ZONE 'Asia/Kolkata')::date - 29, (now() AT TIME ZONE 'Asia/Kolkata')::date, '1 day') AS d(day)
       LEFT JOIN "ProductSalesDay" s ON s."storeId" = $1::uuid AND s."productId" = $2 AND s.day = d.day
       ORDER BY d.day`,
      [storeId, product.tribemadeProductId],
    ),
    pgPool.query<ProductEventRow>(
      `SELECT id::text, type, actor, data, "createdAt" FROM "ProductEvent"
       WHERE "productId" = $1::uuid AND "storeId" = $2::uuid ORDER BY "createdAt" DESC, id DESC LIMIT 100`,
      [productId, storeId],
    ),
  ]);
  return { product, orders: orders.rows, days: days.rows, events: events.rows };
}

export type ProductPage = NonNullable<Awaited<ReturnType<typeof getProductPage>>>;
