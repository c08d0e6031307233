-- The phone prefix's estimate (`right(regexp_replace("customerPhone", …), 10) LIKE '98201234%'`)
-- varied with ANALYZE's random sample exactly as the email prefix's did (migration
-- 20261207133000): one run walked the store's newest orders (73 ms, 3,458 buffers) where the phone
-- index takes under 1 ms. At target 1000 ANALYZE samples 300,000 rows, so up to that many orders its
-- histogram is the whole table's and the same every run (docs/search.md).
ALTER INDEX "Order_storeId_phone_search_idx" ALTER COLUMN 2 SET STATISTICS 1000;
