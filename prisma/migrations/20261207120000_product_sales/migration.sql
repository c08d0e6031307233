-- Sales per (store, product, India day) for /products (docs/products.md "Sales"): units and revenue
-- of the orders TribeMade confirmed (verified or mismatch) that are not cancelled. Kept by triggers
-- on "Order", so every writer (ingest, verification, a person's status change or undo, a refresh,
-- "Add missing orders") keeps it in its own statement without knowing it exists.

-- CreateTable
CREATE TABLE "ProductSalesDay" (
    "storeId" UUID NOT NULL,
    "productId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "units" INTEGER NOT NULL DEFAULT 0,
    "revenue" DECIMAL(14,2) NOT NULL DEFAULT 0,

    CONSTRAINT "ProductSalesDay_pkey" PRIMARY KEY ("storeId","productId","day")
);

-- CreateIndex
CREATE INDEX "ProductSalesDay_storeId_day_productId_units_revenue_idx" ON "ProductSalesDay"("storeId", "day", "productId", "units", "revenue");

-- AddForeignKey
ALTER TABLE "ProductSalesDay" ADD CONSTRAINT "ProductSalesDay_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- An insert counts when it arrives confirmed ("Add missing orders", seeds). Row-level with a WHEN:
-- webhook ingest inserts unverified orders, so its hot path never runs the function.
CREATE FUNCTION product_sales_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ProductSalesDay" AS s ("storeId", "productId", day, units, revenue)
  VALUES (NEW."storeId", NEW."productId", (NEW."receivedAt" AT TIME ZONE 'Asia/Kolkata')::date, NEW.quantity, NEW.amount)
  ON CONFLICT ("storeId", "productId", day) DO UPDATE SET units = s.units + EXCLUDED.units, revenue = s.revenue + EXCLUDED.revenue;
  RETURN NULL;
END $$;

CREATE TRIGGER product_sales_insert AFTER INSERT ON "Order" FOR EACH ROW
  WHEN (NEW."productId" IS NOT NULL AND NEW.status <> 'cancelled' AND NEW.verification IN ('verified', 'mismatch'))
  EXECUTE FUNCTION product_sales_insert();

-- Updates: a verification, a cancellation, an undo. Statement-level over the transition tables, so a
-- batch of verifications (one statement, lib/outbox/persist.ts) writes one delta per (product, day),
-- taking the rows' locks in key order: two batches touching the same products cannot deadlock.
CREATE FUNCTION product_sales_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Webhook ingest's INSERT … ON CONFLICT DO UPDATE fires this for every statement, nearly always
  -- with no row updated: leave before planning anything.
  IF NOT EXISTS (SELECT 1 FROM old_rows) THEN
    RETURN NULL;
  END IF;
  INSERT INTO "ProductSalesDay" AS s ("storeId", "productId", day, units, revenue)
  SELECT d."storeId", d."productId", d.day, sum(d.units)::int, sum(d.revenue)
  FROM (
    SELECT o."storeId", o."productId", (o."receivedAt" AT TIME ZONE 'Asia/Kolkata')::date AS day, -o.quantity AS units, -o.amount AS revenue
    FROM old_rows o
    WHERE o."productId" IS NOT NULL AND o.status <> 'cancelled' AND o.verification IN ('verified', 'mismatch')
    UNION ALL
    SELECT n."storeId", n."productId", (n."receivedAt" AT TIME ZONE 'Asia/Kolkata')::date, n.quantity, n.amount
    FROM new_rows n
    WHERE n."productId" IS NOT NULL AND n.status <> 'cancelled' AND n.verification IN ('verified', 'mismatch')
  ) d
  GROUP BY 1, 2, 3
  HAVING sum(d.units) <> 0 OR sum(d.revenue) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT ("storeId", "productId", day) DO UPDATE SET units = s.units + EXCLUDED.units, revenue = s.revenue + EXCLUDED.revenue;
  RETURN NULL;
END $$;

CREATE TRIGGER product_sales_update AFTER UPDATE ON "Order" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION product_sales_update();

-- Deletes (a store's deletion cascades): subtract only, never insert, since the store's own rows
-- may already be gone.
CREATE FUNCTION product_sales_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ProductSalesDay" SET units = units - OLD.quantity, revenue = revenue - OLD.amount
  WHERE "storeId" = OLD."storeId" AND "productId" = OLD."productId" AND day = (OLD."receivedAt" AT TIME ZONE 'Asia/Kolkata')::date;
  RETURN NULL;
END $$;

CREATE TRIGGER product_sales_delete AFTER DELETE ON "Order" FOR EACH ROW
  WHEN (OLD."productId" IS NOT NULL AND OLD.status <> 'cancelled' AND OLD.verification IN ('verified', 'mismatch'))
  EXECUTE FUNCTION product_sales_delete();

-- Backfill. The triggers exist already, and CREATE TRIGGER took a SHARE ROW EXCLUSIVE lock on
-- "Order" that this migration's transaction (lib/migrations/apply.ts) holds until it commits: no
-- write lands between, so no order is counted twice or missed.
INSERT INTO "ProductSalesDay" ("storeId", "productId", day, units, revenue)
SELECT "storeId", "productId", ("receivedAt" AT TIME ZONE 'Asia/Kolkata')::date, sum(quantity)::int, sum(amount)
FROM "Order"
WHERE "productId" IS NOT NULL AND status <> 'cancelled' AND verification IN ('verified', 'mismatch')
GROUP BY 1, 2, 3;
