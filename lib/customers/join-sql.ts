// The join of orders to customers, as SQL. One rule, written once here and once in the migration
// that backfilled existing orders (prisma/migrations/20261207090000_customers; the integration test
// tests/integration/customers-join.test.ts proves the two agree):
// - the key is "p:" + the phone key (lib/format/phone.ts phoneKey: the last 10 digits, the orders'
//   phone index's own expression) when the phone has at least 10 digits;
// - else "e:" + the lower-cased, trimmed email, so a junk phone still groups by email.
// Orders join oldest first; a customer's counts grow by each batch, and each order keeps its place
// in the customer's history (customerOrdinal), fixed when it joined.

const digits = (alias: string) => `regexp_replace(${alias}."customerPhone", '[^0-9]', '', 'g')`;

/** The customer key of `"Order" AS <alias>`. */
export const customerKeySql = (alias: string) =>
  `CASE WHEN length(${digits(alias)}) >= 10 THEN 'p:' || right(${digits(alias)}, 10)
        ELSE 'e:' || lower(btrim(${alias}."customerEmail")) END`;

/**
 * Joins unjoined orders to their customers (created or counted on), oldest first, at most $2 of
 * them, of store $1 or of every store when $1 is null. Rows another join holds are skipped (SKIP
 * LOCKED), so concurrent drains take disjoint batches. Returns the joined orders.
 */
export const JOIN_SQL = `
  WITH batch AS (
    SELECT o.id, o."storeId", o."receivedAt", o.amount, o."customerName", o."customerEmail", o."customerPhone",
      ${customerKeySql("o")} AS key
    FROM "Order" o
    WHERE o."customerId" IS NULL AND ($1::uuid IS NULL OR o."storeId" = $1::uuid)
    ORDER BY o."receivedAt", o.id
    LIMIT $2
    FOR UPDATE SKIP LOCKED
  ), ranked AS (
    SELECT batch.*, row_number() OVER (PARTITION BY "storeId", key ORDER BY "receivedAt", id) AS rank,
      count(*) OVER (PARTITION BY "storeId", key) AS joined
    FROM batch
  ), latest AS (
    SELECT DISTINCT ON ("storeId", key) "storeId", key, "customerName", "customerEmail", "customerPhone",
      joined, "receivedAt" AS last,
      sum(amount) OVER (PARTITION BY "storeId", key) AS spent,
      min("receivedAt") OVER (PARTITION BY "storeId", key) AS first
    FROM ranked
    ORDER BY "storeId", key, rank DESC
  ), upserted AS (
    INSERT INTO "Customer" ("storeId", key, "phoneKey", name, email, phone, "orderCount", "totalSpent",
      "firstOrderAt", "lastOrderAt")
    SELECT "storeId", key, CASE WHEN key LIKE 'p:%' THEN substr(key, 3) END, "customerName",
      lower(btrim("customerEmail")), "customerPhone", joined, spent, first, last
    FROM latest
    ON CONFLICT ("storeId", key) DO UPDATE SET
      "orderCount" = "Customer"."orderCount" + EXCLUDED."orderCount",
      "totalSpent" = "Customer"."totalSpent" + EXCLUDED."totalSpent",
      "firstOrderAt" = least("Customer"."firstOrderAt", EXCLUDED."firstOrderAt"),
      "lastOrderAt" = greatest("Customer"."lastOrderAt", EXCLUDED."lastOrderAt"),
      name = CASE WHEN EXCLUDED."lastOrderAt" >= "Customer"."lastOrderAt" THEN EXCLUDED.name ELSE "Customer".name END,
      email = CASE WHEN EXCLUDED."lastOrderAt" >= "Customer"."lastOrderAt" THEN EXCLUDED.email ELSE "Customer".email END,
      phone = CASE WHEN EXCLUDED."lastOrderAt" >= "Customer"."lastOrderAt" THEN EXCLUDED.phone ELSE "Customer".phone END,
      "updatedAt" = now()
    RETURNING id, "storeId", key, "orderCount"
  )
  UPDATE "Order" o
  SET "customerId" = upserted.id, "customerOrdinal" = upserted."orderCount" - ranked.joined + ranked.rank,
    "updatedAt" = now()
  FROM ranked JOIN upserted ON upserted."storeId" = ranked."storeId" AND upserted.key = ranked.key
  WHERE o.id = ranked.id
  RETURNING o.id, o."storeId", o."customerOrdinal" AS ordinal`;
