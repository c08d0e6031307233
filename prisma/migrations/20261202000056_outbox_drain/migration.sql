-- DropIndex
DROP INDEX "OutboxMessage_status_availableAt_priority_idx";

-- AlterTable
ALTER TABLE "DrainRun" ADD COLUMN     "finishedAt" TIMESTAMPTZ(3),
ADD COLUMN     "purged" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "scheduled" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "storeId" UUID,
ALTER COLUMN "ms" SET DEFAULT 0,
ALTER COLUMN "claimed" SET DEFAULT 0,
ALTER COLUMN "done" SET DEFAULT 0,
ALTER COLUMN "retried" SET DEFAULT 0,
ALTER COLUMN "dead" SET DEFAULT 0;

-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "lastAttemptAt" TIMESTAMPTZ(3),
ADD COLUMN     "leaseOwner" BIGINT,
ADD COLUMN     "sendUnconfirmed" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Store" ADD COLUMN     "fulfillmentSecretCiphertext" TEXT,
ADD COLUMN     "fulfillmentSecretCreatedAt" TIMESTAMPTZ(3),
ADD COLUMN     "outboxPausedAt" TIMESTAMPTZ(3),
ADD COLUMN     "outboxPausedReason" TEXT;

-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN     "purgedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "OutboxAttempt" (
    "id" BIGSERIAL NOT NULL,
    "messageId" BIGINT NOT NULL,
    "storeId" UUID NOT NULL,
    "orderId" UUID,
    "kind" "OutboxKind" NOT NULL,
    "drainRunId" BIGINT,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "httpStatus" INTEGER,
    "latencyMs" INTEGER NOT NULL,
    "rateLimit" JSONB,
    "outcome" TEXT NOT NULL,
    "error" TEXT,

    CONSTRAINT "OutboxAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxState" (
    "storeId" UUID NOT NULL,
    "drainRequestedAt" TIMESTAMPTZ(3),
    "refreshScheduledAt" TIMESTAMPTZ(3),
    "purgedAt" TIMESTAMPTZ(3),
    "purgedThrough" TIMESTAMPTZ(3),

    CONSTRAINT "OutboxState_pkey" PRIMARY KEY ("storeId")
);

-- CreateIndex
CREATE INDEX "OutboxAttempt_orderId_startedAt_idx" ON "OutboxAttempt"("orderId", "startedAt");

-- CreateIndex
CREATE INDEX "OutboxAttempt_storeId_startedAt_idx" ON "OutboxAttempt"("storeId", "startedAt" DESC);

-- CreateIndex
CREATE INDEX "OutboxAttempt_messageId_idx" ON "OutboxAttempt"("messageId");

-- CreateIndex
CREATE INDEX "DrainRun_storeId_startedAt_idx" ON "DrainRun"("storeId", "startedAt" DESC);

-- CreateIndex
CREATE INDEX "OutboxMessage_status_priority_availableAt_idx" ON "OutboxMessage"("status", "priority", "availableAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_storeId_status_availableAt_idx" ON "OutboxMessage"("storeId", "status", "availableAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_storeId_kind_status_idx" ON "OutboxMessage"("storeId", "kind", "status");

-- AddForeignKey
ALTER TABLE "OutboxAttempt" ADD CONSTRAINT "OutboxAttempt_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxAttempt" ADD CONSTRAINT "OutboxAttempt_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DrainRun" ADD CONSTRAINT "DrainRun_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxState" ADD CONSTRAINT "OutboxState_storeId_fkey" FOREIGN KEY ("storeId") REFERENCES "Store"("id") ON DELETE CASCADE ON UPDATE CASCADE;
