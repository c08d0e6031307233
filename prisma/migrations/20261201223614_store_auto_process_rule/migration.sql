-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "autoProcessNewOrders" BOOLEAN NOT NULL DEFAULT false;
