import "server-only";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";

// A store's fulfillment signing secret at rest: encrypted like its TribeMade key and bound to the
// store's id (lib/stores/api-key.ts explains why), under its own label so neither ciphertext
// decrypts in the other's column.

function fulfillmentSecretAad(storeId: string): string {
  return `tribedesk/fulfillment-secret/${storeId}`;
}

export function sealFulfillmentSecret(storeId: string, secret: string): string {
  return encryptSecret(secret, fulfillmentSecretAad(storeId)).ciphertext;
}

export function openFulfillmentSecret(storeId: string, ciphertext: string): string {
  return decryptSecret(ciphertext, fulfillmentSecretAad(storeId));
}
