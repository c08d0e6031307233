import "server-only";
import { legacyFormatAccepted } from "@/lib/crypto/legacy-format";
import { CURRENT_KEY_ID, decryptSecret, isCurrentSecret } from "@/lib/crypto/secret-box";

// What `npm run keys:rotate` does for one kind of stored secret (API keys, fulfillment signing
// secrets): rewrite each ciphertext not yet bound and under the current ENCRYPTION_KEY, and list
// the ones it cannot read, leaving them as they are for someone with the right key.

export type RotationReport = {
  keyId: string;
  total: number;
  rotated: number;
  failures: Array<{ storeId: string; reason: string }>;
};

type StoredSecret = { storeId: string; ciphertext: string };

export async function rotateSecrets(
  secrets: StoredSecret[],
  aadFor: (storeId: string) => string,
  /** Writes the plaintext re-encrypted, guarded by the old ciphertext; false when it changed meanwhile. */
  rewrite: (storeId: string, previous: string, plaintext: string) => Promise<boolean>,
): Promise<RotationReport> {
  const report: RotationReport = { keyId: CURRENT_KEY_ID, total: secrets.length, rotated: 0, failures: [] };
  // Once retired, a legacy ciphertext is not rewritten either: that would bind whatever was put in
  // the row to this store.
  const acceptLegacy = await legacyFormatAccepted();
  for (const { storeId, ciphertext } of secrets) {
    let plaintext: string;
    try {
      plaintext = decryptSecret(ciphertext, aadFor(storeId), { acceptLegacy });
    } catch (error) {
      const message = error instanceof Error ? error.message : "";
      report.failures.push({
        storeId,
        reason: /unknown key/.test(message)
          ? "encrypted with an unknown key"
          : /retired/.test(message)
            ? "in the unbound format, refused since keys:rotate rewrote every secret"
            : "does not decrypt for this store (altered, or copied from another store)",
      });
      continue;
    }
    if (!isCurrentSecret(ciphertext) && (await rewrite(storeId, ciphertext, plaintext))) report.rotated += 1;
  }
  return report;
}
