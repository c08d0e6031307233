-- CreateTable
CREATE TABLE "WebhookRefusal" (
    "endpointId" UUID NOT NULL,
    "minute" TIMESTAMPTZ(3) NOT NULL,
    "storeId" UUID NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "WebhookRefusal_pkey" PRIMARY KEY ("endpointId","minute")
);

-- CreateIndex
CREATE INDEX "WebhookRefusal_storeId_minute_idx" ON "WebhookRefusal"("storeId", "minute" DESC);

-- AddForeignKey
ALTER TABLE "WebhookRefusal" ADD CONSTRAINT "WebhookRefusal_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;
