-- The planner's estimate for an email prefix (`lower("customerEmail") LIKE 'priya.shar%'`) comes
-- from the index expression's statistics. At the default target (100) ANALYZE's random sample made
-- it vary run to run: at 100,000 orders one CI run walked the store's newest orders instead (120 ms,
-- 4,591 buffers) where the email index takes 1 ms. A finer histogram for this one expression keeps
-- the estimate close; ANALYZE of "Order" samples more rows for it (docs/search.md).
ALTER INDEX "Order_storeId_email_search_idx" ALTER COLUMN 2 SET STATISTICS 1000;
