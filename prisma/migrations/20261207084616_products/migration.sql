-- CreateEnum
CREATE TYPE "StockKeeper" AS ENUM ('tribemade', 'tribedesk');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "OutboxKind" ADD VALUE 'read_product';
ALTER TYPE "OutboxKind" ADD VALUE 'apply_stock';
ALTER TYPE "OutboxKind" ADD VALUE 'edit_product';

-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "hideAtZero" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "lowStockThreshold" INTEGER NOT NULL DEFAULT 5,
ADD COLUMN     "stockKeeper" "StockKeeper" NOT NULL DEFAULT 'tribemade';

-- CreateTable
CREATE TABLE "Product" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "storeId" UUID NOT NULL,
    "tribemadeProductId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "mrp" DECIMAL(12,2),
    "currentPrice" DECIMAL(12,2),
    "shippingCost" DECIMAL(12,2),
    "stock" INTEGER,
    "isActive" BOOLEAN,
    "variations" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "sizes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "colors" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "internalNote" TEXT,
    "image" TEXT,
    "tribemade" JSONB,
    "lastReadAt" TIMESTAMPTZ(3),
    "goneAt" TIMESTAMPTZ(3),
    "lowStockThreshold" INTEGER,
    "lowStockSince" TIMESTAMPTZ(3),
    "hiddenAtZero" BOOLEAN NOT NULL DEFAULT false,
    "stockLeaseOwner" BIGINT,
    "stockLeaseUntil" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProductEvent" (
    "id" BIGSERIAL NOT NULL,
    "storeId" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "actorUserId" UUID,
    "actor" TEXT NOT NULL,
    "data" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProductEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StockLedger" (
    "id" BIGSERIAL NOT NULL,
    "storeId" UUID NOT NULL,
    "productId" UUID NOT NULL,
    "orderId" UUID,
    "change" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "stockBefore" INTEGER,
    "stockAfter" INTEGER,
    "clamped" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "actorUserId" UUID,
    "actor" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "appliedAt" TIMESTAMPTZ(3),

    CONSTRAINT "StockLedger_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Product_storeId_name_idx" ON "Product"("storeId", "name");

-- CreateIndex
CREATE INDEX "Product_storeId_stock_idx" ON "Product"("storeId", "stock");

-- CreateIndex
CREATE UNIQUE INDEX "Product_storeId_tribemadeProductId_key" ON "Product"("storeId", "tribemadeProductId");

-- CreateIndex
CREATE INDEX "ProductEvent_productId_createdAt_idx" ON "ProductEvent"("productId", "createdAt");

-- CreateIndex
CREATE INDEX "ProductEvent_storeId_type_createdAt_idx" ON "ProductEvent"("storeId", "type", "createdAt");

-- CreateIndex
CREATE INDEX "StockLedger_productId_state_id_idx" ON "StockLedger"("productId", "state", "id");

-- CreateIndex
CREATE UNIQUE INDEX "StockLedger_orderId_productId_change_key" ON "StockLedger"("orderId", "productId", "change");

-- CreateIndex
CREATE INDEX "Order_storeId_productId_receivedAt_idx" ON "Order"("storeId", "productId", "receivedAt" DESC);

-- AddForeignKey
ALTER TABLE "Product" ADD CONSTRAINT "Product_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProductEvent" ADD CONSTRAINT "ProductEvent_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StockLedger" ADD CONSTRAINT "StockLedger_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;
