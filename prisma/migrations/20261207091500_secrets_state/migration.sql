-- CreateTable
CREATE TABLE "SecretsState" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "legacyRetiredAt" TIMESTAMPTZ(3),

    CONSTRAINT "SecretsState_pkey" PRIMARY KEY ("id")
);

-- The one row. A database with no secret in the unbound legacy format (every new one) refuses that
-- format from the start, and one that has some accepts it until `npm run keys:rotate` rewrites them.
INSERT INTO "SecretsState" ("id", "legacyRetiredAt")
SELECT 1, CASE WHEN EXISTS (
  SELECT 1 FROM "Store"
  WHERE ("apiKeyCiphertext" IS NOT NULL AND "apiKeyCiphertext" NOT LIKE 'v2.%')
     OR ("fulfillmentSecretCiphertext" IS NOT NULL AND "fulfillmentSecretCiphertext" NOT LIKE 'v2.%')
) THEN NULL ELSE now() END;
