import "server-only";
import { fulfillmentSecretAad } from "@/lib/crypto/aad";
import { rotateSecrets, type RotationReport } from "@/lib/crypto/rotate-secrets";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";

// A store's fulfillment signing secret at rest: encrypted like its TribeMade key and bound to the
// store's id (lib/stores/api-key.ts explains why), under its own label so neither ciphertext
// decrypts in the other's column.

export function sealFulfillmentSecret(storeId: string, secret: string): string {
  return encryptSecret(secret, fulfillmentSecretAad(storeId)).ciphertext;
}

/** `acceptLegacy`: lib/crypto/legacy-format.ts. */
export function openFulfillmentSecret(storeId: string, ciphertext: string, acceptLegacy: boolean): string {
  return decryptSecret(ciphertext, fulfillmentSecretAad(storeId), { acceptLegacy });
}

/** Rewrites every signing secret not yet in the current format (npm run keys:rotate). System work: no caller. */
export async function rotateFulfillmentSecrets(): Promise<RotationReport> {
  const stores = await db.store.findMany({
    where: { fulfillmentSecretCiphertext: { not: null } },
    select: { id: true, fulfillmentSecretCiphertext: true },
    orderBy: { createdAt: "asc" },
  });
  const secrets = stores.map((store) => ({ storeId: store.id, ciphertext: store.fulfillmentSecretCiphertext! }));
  return rotateSecrets(secrets, fulfillmentSecretAad, async (storeId, previous, secret) => {
    const { count } = await db.store.updateMany({
      where: { id: storeId, fulfillmentSecretCiphertext: previous },
      data: { fulfillmentSecretCiphertext: sealFulfillmentSecret(storeId, secret) },
    });
    return count === 1;
  });
}
