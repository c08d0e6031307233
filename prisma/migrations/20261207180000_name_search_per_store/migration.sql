-- Name search per store (issue 27; docs/search.md "Why these indexes").
--
-- The trigram GIN on "customerName" alone held every store's names in one set of posting lists:
-- names repeat across stores, so a whole-name search in one store read every store's matches and
-- then dropped the other stores' rows (1,001 stores and 1.2 million orders: 2,225 rows and 2,492
-- buffers to return one store's 224; p95 147 ms through the route at 2.2 million). btree_gin lets
-- "storeId" be a GIN column beside the trigrams, and the index intersects the two inside itself:
-- only the store's rows come out. btree_gin is a trusted contrib extension (the database owner may
-- create it), shipped with PostgreSQL and offered by Neon, Supabase, RDS/Aurora, Cloud SQL and
-- Azure (docs/search.md).
CREATE EXTENSION IF NOT EXISTS "btree_gin";

-- DropIndex
DROP INDEX "Order_customerName_idx";

-- CreateIndex
CREATE INDEX "Order_storeId_customerName_idx" ON "Order" USING GIN ("storeId", "customerName" gin_trgm_ops);

-- The estimate for a part of a name (`"customerName" ILIKE '%Pillai%'`) decides between walking the
-- newest rows until a page matches and looking the matches up by index; at the default target
-- (100) it came from ~100 sampled names and varied 6-fold between ANALYZE runs (9,858 to 59,197
-- for 40,392 real matches at 1.2 million orders), and the deliveries inspector then read every
-- match's deliveries (36,519 buffers, 79 ms) instead of a page (9,044 buffers, 10 ms). At 1000 the
-- common names are each in the most-common list and the rest in a ten-times finer histogram, as
-- for email and phone (migrations 20261207133000, 20261207150000).
ALTER TABLE "Order" ALTER COLUMN "customerName" SET STATISTICS 1000;
