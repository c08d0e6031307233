import "server-only";
import { storeApiKeyAad } from "@/lib/crypto/aad";
import { legacyFormatAccepted } from "@/lib/crypto/legacy-format";
import { rotateSecrets, type RotationReport } from "@/lib/crypto/rotate-secrets";
import { decryptSecret, encryptSecret, isCurrentSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";

// A store's TribeMade API key at rest: encrypted under ENCRYPTION_KEY and bound to the store's id
// (AES-GCM associated data), so a ciphertext copied into another store's row is useless there.
// Keys under a previous ENCRYPTION_KEY, or in the legacy unbound format until keys:rotate has run
// (lib/crypto/legacy-format.ts), are read and rewritten on use, and all at once by `npm run keys:rotate`.

/** The columns that store `apiKey` for `storeId`. */
export function sealStoreApiKey(storeId: string, apiKey: string) {
  const { ciphertext, keyId } = encryptSecret(apiKey, storeApiKeyAad(storeId));
  return { apiKeyCiphertext: ciphertext, apiKeyKeyId: keyId, apiKeyLast4: apiKey.slice(-4) };
}

const UNREADABLE =
  "This store's saved TribeMade API key can't be read: it was encrypted for another store or with a key this server doesn't have. Enter the key again in Settings → API key.";

/** The store's API key in plain text (it never leaves the server); rewritten in the current format when it was not. */
export async function readStoreApiKey(storeId: string): Promise<string> {
  const row = await db.store.findUniqueOrThrow({ where: { id: storeId }, select: { apiKeyCiphertext: true } });
  if (!row.apiKeyCiphertext) throw new AppError("conflict", "This store has no TribeMade API key yet. Add one first.");
  let apiKey: string;
  try {
    apiKey = decryptSecret(row.apiKeyCiphertext, storeApiKeyAad(storeId), { acceptLegacy: await legacyFormatAccepted() });
  } catch {
    throw new AppError("conflict", UNREADABLE);
  }
  if (!isCurrentSecret(row.apiKeyCiphertext)) await rewrite(storeId, row.apiKeyCiphertext, apiKey);
  return apiKey;
}

/** Guarded by the old ciphertext: a key replaced meanwhile is not overwritten with the old one. */
async function rewrite(storeId: string, previous: string, apiKey: string): Promise<boolean> {
  const { count } = await db.store.updateMany({
    where: { id: storeId, apiKeyCiphertext: previous },
    data: sealStoreApiKey(storeId, apiKey),
  });
  return count === 1;
}

/** Rewrites every stored key not yet in the current format (npm run keys:rotate). System work: no caller. */
export async function rotateStoreApiKeys(): Promise<RotationReport> {
  const stores = await db.store.findMany({
    where: { apiKeyCiphertext: { not: null } },
    select: { id: true, apiKeyCiphertext: true },
    orderBy: { createdAt: "asc" },
  });
  const secrets = stores.map((store) => ({ storeId: store.id, ciphertext: store.apiKeyCiphertext! }));
  return rotateSecrets(secrets, storeApiKeyAad, rewrite);
}
