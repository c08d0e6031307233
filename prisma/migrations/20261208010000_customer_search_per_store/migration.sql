-- The customers list's search per store, as the orders' name search (20261207180000, issue 27;
-- docs/search.md "Why these indexes"). A trigram GIN on a column alone holds every store's values
-- in one set of posting lists: a name, an email or a phone prefix common to many stores read every
-- store's matches and then dropped the other stores' rows. With "storeId" beside the trigrams
-- (btree_gin, created by 20261207180000) the index intersects the two inside itself.

-- DropIndex
DROP INDEX "Customer_name_idx";

-- DropIndex
DROP INDEX "Customer_phoneKey_idx";

-- DropIndex
DROP INDEX "Customer_email_idx";

-- CreateIndex
CREATE INDEX "Customer_storeId_name_idx" ON "Customer" USING GIN ("storeId", "name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Customer_storeId_phoneKey_idx" ON "Customer" USING GIN ("storeId", "phoneKey" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Customer_storeId_email_idx" ON "Customer" USING GIN ("storeId", "email" gin_trgm_ops);
