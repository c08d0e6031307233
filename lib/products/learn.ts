import "server-only";
import { pgPool } from "@/lib/db";
import { PRIORITY } from "@/lib/outbox/messages";
import { DEDUPE_KEY } from "@/lib/products/outbox/messages";

// Products are learnt from orders: TribeMade has no list endpoint (docs/tribemade-api.md §1), but
// every order names its product_id. Read from the order rows with the products domain's own SQL
// (never through lib/orders): a product's first verified order creates its row (named after the
// order's product until TribeMade is read) and queues a read_product for it. Later orders queue
// one more read per product per READ_EVERY_MS at most (the dedupe key holds the slot), so the stock
// shown follows TribeMade's within minutes while orders come, and a busy product costs at most
// six GETs an hour of the 50/min budget.

const LEARN_SQL = `
  WITH src AS (
    SELECT DISTINCT ON (o."storeId", o."productId") o."storeId", o."productId", o."productName", o."productImage"
    FROM "Order" o
    WHERE o.id = ANY($1::uuid[]) AND o."productId" IS NOT NULL AND o."productId" <> '' AND o.verification = 'verified'
      AND ($2::uuid IS NULL OR o."storeId" = $2::uuid)
    ORDER BY o."storeId", o."productId", o."receivedAt" DESC
  ), up AS (
    INSERT INTO "Product" ("storeId", "tribemadeProductId", name, image)
    SELECT "storeId", "productId", coalesce("productName", 'Unnamed product'), "productImage" FROM src
    ON CONFLICT ("storeId", "tribemadeProductId") DO UPDATE
      SET image = coalesce(EXCLUDED.image, "Product".image),
          name = CASE WHEN "Product"."lastReadAt" IS NULL THEN EXCLUDED.name ELSE "Product".name END
    RETURNING id, "storeId", "tribemadeProductId", "lastReadAt"
  )
  INSERT INTO "OutboxMessage" ("storeId", kind, payload, "dedupeKey", priority)
  SELECT "storeId", 'read_product', jsonb_build_object('productId', id, 'tribemadeProductId', "tribemadeProductId"),
    $3 || id::text || ':' || $5, $4
  FROM up
  ON CONFLICT ("storeId", "dedupeKey") DO NOTHING`;

// The dedupe key's prefix, so the SQL and DEDUPE_KEY.read_product agree.
const READ_PREFIX = DEDUPE_KEY.read_product({ productId: "" }, "").replace(/:$/, "");
const READ_EVERY_MS = 10 * 60 * 1000;

/** The read slot a moment falls in ("o" + its 10-minute window), part of the read's dedupe key. */
export function readSlot(now = Date.now()): string {
  return `o${Math.floor(now / READ_EVERY_MS)}`;
}

/** Learns the products of these (just verified) orders; returns how many reads it queued. */
export async function learnProducts(orderIds: string[], storeId: string | null = null): Promise<number> {
  if (orderIds.length === 0) return 0;
  const { rowCount } = await pgPool.query(LEARN_SQL, [orderIds, storeId, READ_PREFIX, PRIORITY.read_product, readSlot()]);
  return rowCount ?? 0;
}

/** Every product a store's verified orders name (a store that had orders before products existed). */
export async function learnStoreProducts(storeId: string): Promise<number> {
  const { rows } = await pgPool.query<{ id: string }>(
    `SELECT DISTINCT ON ("productId") id::text FROM "Order"
     WHERE "storeId" = $1::uuid AND "productId" IS NOT NULL AND verification = 'verified'
     ORDER BY "productId", "receivedAt" DESC`,
    [storeId],
  );
  return learnProducts(
    rows.map((row) => row.id),
    storeId,
  );
}
