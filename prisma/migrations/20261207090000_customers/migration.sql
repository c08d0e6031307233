-- Customers, notes and tags (lib/customers, docs/customers.md).
-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "customerId" UUID,
ADD COLUMN     "customerOrdinal" INTEGER;

-- CreateTable
CREATE TABLE "Customer" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "storeId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "phoneKey" TEXT,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "orderCount" INTEGER NOT NULL DEFAULT 0,
    "totalSpent" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "firstOrderAt" TIMESTAMPTZ(3) NOT NULL,
    "lastOrderAt" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Customer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Note" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "storeId" UUID NOT NULL,
    "orderId" UUID,
    "customerId" UUID,
    "authorId" UUID,
    "authorName" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "editedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Note_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Tag" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "storeId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "color" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Tag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderTag" (
    "storeId" UUID NOT NULL,
    "orderId" UUID NOT NULL,
    "tagId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OrderTag_pkey" PRIMARY KEY ("orderId","tagId")
);

-- CreateTable
CREATE TABLE "CustomerTag" (
    "storeId" UUID NOT NULL,
    "customerId" UUID NOT NULL,
    "tagId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerTag_pkey" PRIMARY KEY ("customerId","tagId")
);

-- CreateIndex
CREATE INDEX "Customer_storeId_orderCount_id_idx" ON "Customer"("storeId", "orderCount", "id");

-- CreateIndex
CREATE INDEX "Customer_storeId_totalSpent_id_idx" ON "Customer"("storeId", "totalSpent", "id");

-- CreateIndex
CREATE INDEX "Customer_storeId_lastOrderAt_id_idx" ON "Customer"("storeId", "lastOrderAt", "id");

-- CreateIndex
CREATE INDEX "Customer_name_idx" ON "Customer" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Customer_phoneKey_idx" ON "Customer" USING GIN ("phoneKey" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Customer_email_idx" ON "Customer" USING GIN ("email" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "Customer_storeId_key_key" ON "Customer"("storeId", "key");

-- CreateIndex
CREATE INDEX "Note_orderId_createdAt_idx" ON "Note"("orderId", "createdAt");

-- CreateIndex
CREATE INDEX "Note_customerId_createdAt_idx" ON "Note"("customerId", "createdAt");

-- CreateIndex
CREATE INDEX "Note_storeId_idx" ON "Note"("storeId");

-- CreateIndex
CREATE UNIQUE INDEX "Tag_storeId_name_key" ON "Tag"("storeId", "name");

-- CreateIndex
CREATE INDEX "OrderTag_tagId_orderId_idx" ON "OrderTag"("tagId", "orderId");

-- CreateIndex
CREATE INDEX "OrderTag_storeId_idx" ON "OrderTag"("storeId");

-- CreateIndex
CREATE INDEX "CustomerTag_tagId_customerId_idx" ON "CustomerTag"("tagId", "customerId");

-- CreateIndex
CREATE INDEX "CustomerTag_storeId_idx" ON "CustomerTag"("storeId");

-- CreateIndex
CREATE INDEX "Order_customerId_receivedAt_idx" ON "Order"("customerId", "receivedAt" DESC);

-- AddForeignKey
ALTER TABLE "Order" ADD CONSTRAINT "Order_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Customer" ADD CONSTRAINT "Customer_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Note" ADD CONSTRAINT "Note_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Note" ADD CONSTRAINT "Note_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Note" ADD CONSTRAINT "Note_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Note" ADD CONSTRAINT "Note_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tag" ADD CONSTRAINT "Tag_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderTag" ADD CONSTRAINT "OrderTag_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderTag" ADD CONSTRAINT "OrderTag_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrderTag" ADD CONSTRAINT "OrderTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerTag" ADD CONSTRAINT "CustomerTag_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerTag" ADD CONSTRAINT "CustomerTag_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CustomerTag" ADD CONSTRAINT "CustomerTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Orders still to join their customer (lib/customers/join.ts): the join in each drain finds them here.
-- Partial, so it holds only the few orders of the last seconds (schema.prisma cannot describe it).
CREATE INDEX "Order_customer_unjoined_idx" ON "Order"("receivedAt", "id") WHERE "customerId" IS NULL;

-- Backfill: every existing order joins its customer, oldest first, by the very statement the drain
-- runs (lib/customers/join-sql.ts JOIN_SQL, verbatim, and tests/integration/customers-join.test.ts
-- checks the two are the same text), with no store ($1 NULL: all) and no limit ($2 NULL).
PREPARE "tribedesk_join_customers" (uuid, bigint) AS
WITH batch AS (
    SELECT o.id, o."storeId", o."receivedAt", o.amount, o."customerName", o."customerEmail", o."customerPhone",
      CASE WHEN length(regexp_replace(o."customerPhone", '[^0-9]', '', 'g')) >= 10 THEN 'p:' || right(regexp_replace(o."customerPhone", '[^0-9]', '', 'g'), 10)
        ELSE 'e:' || lower(btrim(o."customerEmail")) END AS key
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
  RETURNING o.id, o."storeId", o."customerOrdinal" AS ordinal;
EXECUTE "tribedesk_join_customers"(NULL, NULL);
DEALLOCATE "tribedesk_join_customers";
