-- AlterEnum
ALTER TYPE "OutboxKind" ADD VALUE 'fetch_order';

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "addedBy" TEXT;
