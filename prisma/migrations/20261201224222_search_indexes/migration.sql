-- Search that stays fast at 100k+ orders and deliveries (lib/search/, docs/search.md).
-- pg_trgm serves name search (Neon, Supabase and RDS let the database owner create it).
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- DropIndex
DROP INDEX "Order_storeId_customerEmail_idx";

-- DropIndex
DROP INDEX "Order_storeId_customerName_idx";

-- DropIndex
DROP INDEX "Order_storeId_customerPhone_idx";

-- CreateIndex
CREATE INDEX "Order_storeId_verification_receivedAt_idx" ON "Order"("storeId", "verification", "receivedAt" DESC);

-- CreateIndex
CREATE INDEX "Order_storeId_sync_receivedAt_idx" ON "Order"("storeId", "sync", "receivedAt" DESC);

-- CreateIndex
CREATE INDEX "Order_storeId_customerPincode_idx" ON "Order"("storeId", "customerPincode");

-- CreateIndex
CREATE INDEX "Order_customerName_idx" ON "Order" USING GIN ("customerName" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "WebhookDelivery_storeId_outcome_receivedAt_idx" ON "WebhookDelivery"("storeId", "outcome", "receivedAt" DESC);

-- Expression indexes: schema.prisma cannot describe them, so they exist only here. The queries in
-- lib/search/order-match.ts and lib/search/delivery-match.ts repeat these exact expressions
-- (PostgreSQL matches an expression index only on an identical expression).

-- Email, exact and prefix, case-insensitive: lower("customerEmail") LIKE 'kavya.iyer@%'.
CREATE INDEX "Order_storeId_email_search_idx" ON "Order"("storeId", lower("customerEmail") text_pattern_ops);

-- Phone digits, normalised at write time (the index entry is computed on insert): the national
-- number, i.e. the last 10 digits, so "+91 98450 12345", "098450-12345" and "9845012345" agree.
CREATE INDEX "Order_storeId_phone_search_idx" ON "Order"("storeId", right(regexp_replace("customerPhone", '[^0-9]', '', 'g'), 10) text_pattern_ops);

-- A delivery's order id as sent (rejected deliveries too), exact and prefix.
CREATE INDEX "WebhookDelivery_storeId_orderRef_search_idx" ON "WebhookDelivery"("storeId", lower("orderRef") text_pattern_ops);
