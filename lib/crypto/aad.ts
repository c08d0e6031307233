// What each secret stored under ENCRYPTION_KEY is bound to (AES-GCM associated data,
// lib/crypto/secret-box.ts), one label per column and store: a ciphertext copied into another
// store's row, or into the other column, does not decrypt there.

/** A store's TribeMade API key (lib/stores/api-key.ts; the outbox decrypts it to call TribeMade). */
export function storeApiKeyAad(storeId: string): string {
  return `tribedesk/store-api-key/${storeId}`;
}

/** A store's fulfillment signing secret (lib/fulfillment/secret.ts). */
export function fulfillmentSecretAad(storeId: string): string {
  return `tribedesk/fulfillment-secret/${storeId}`;
}
