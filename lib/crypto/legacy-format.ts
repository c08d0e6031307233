import "server-only";
import { db } from "@/lib/db";

// Whether secrets in the unbound legacy format ("<keyId>.<iv>.<tag>.<data>", no associated data)
// may still be read. They can be copied from one store's row into another's and decrypt there, so
// they are read only until `npm run keys:rotate` has rewritten every stored secret bound to its store
// (SecretsState.legacyRetiredAt; a database that never had one refuses them from its migration on).
// After that a legacy ciphertext, restored from a backup into another store's row say, is refused.

let retired = false;

/** One primary-key read until the format is retired; then none for the life of the process. */
export async function legacyFormatAccepted(): Promise<boolean> {
  if (retired) return false;
  const state = await db.secretsState.findUnique({ where: { id: 1 }, select: { legacyRetiredAt: true } });
  retired = state?.legacyRetiredAt != null;
  return !retired;
}

/** keys:rotate, once no stored secret is left in the legacy format. */
export async function retireLegacyFormat(now = new Date()): Promise<void> {
  await db.secretsState.upsert({
    where: { id: 1 },
    create: { id: 1, legacyRetiredAt: now },
    update: { legacyRetiredAt: now },
  });
  retired = true;
}
