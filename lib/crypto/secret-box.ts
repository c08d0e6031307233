import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

// AES-256-GCM for secrets at rest (TribeMade API keys). Node's crypto is the well-kept library
// here; this file only fixes the format: "v2.<keyId>.<iv>.<tag>.<ciphertext>", base64url parts.
// - The key id is derived from the key itself, so rotating ENCRYPTION_KEY needs no extra setting:
//   old ciphertexts name the previous key, found in ENCRYPTION_KEYS_PREVIOUS.
// - Associated data binds a secret to what it belongs to (a store's API key to that store): a
//   ciphertext copied into another row does not decrypt there. Callers must say what it belongs
//   to (`aad`), or null for a secret that belongs to nothing in particular.
// - The legacy format "<keyId>.<iv>.<tag>.<ciphertext>" (no associated data) is read only when the
//   caller says so (lib/crypto/legacy-format.ts: until `npm run keys:rotate` has rewritten them all);
//   isCurrentSecret() says it is due for rewriting.
// - The tag must be 16 bytes and the IV 12: without authTagLength Node accepts a tag as short as
//   4 bytes, which an attacker can forge by trying (2^32 guesses, not 2^128).

type Key = { id: string; bytes: Buffer };

const VERSION = "v2";
const IV_BYTES = 12;
const TAG_BYTES = 16;

function toKey(base64: string): Key {
  const bytes = Buffer.from(base64, "base64");
  return { id: createHash("sha256").update(bytes).digest("hex").slice(0, 8), bytes };
}

const currentKey = toKey(env.ENCRYPTION_KEY);
const keysById = new Map([currentKey, ...env.ENCRYPTION_KEYS_PREVIOUS.map(toKey)].map((key) => [key.id, key]));

/** The id of the current ENCRYPTION_KEY (what a freshly written ciphertext names). */
export const CURRENT_KEY_ID = currentKey.id;

export function encryptSecret(plaintext: string, aad: string | null): { ciphertext: string; keyId: string } {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", currentKey.bytes, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad ?? "", "utf8"));
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [
    VERSION,
    currentKey.id,
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    data.toString("base64url"),
  ];
  return { ciphertext: parts.join("."), keyId: currentKey.id };
}

function parse(ciphertext: string) {
  const parts = ciphertext.split(".");
  const bound = parts[0] === VERSION;
  const [keyId, iv, tag, data] = bound ? parts.slice(1) : parts;
  if (parts.length !== (bound ? 5 : 4) || !keyId || !iv || !tag || data === undefined) {
    throw new Error("Secret is malformed");
  }
  return { bound, keyId, iv, tag, data };
}

/**
 * Throws when the key is unknown, the ciphertext was altered, belongs to something else, or is in
 * the legacy unbound format and `acceptLegacy` is false.
 */
export function decryptSecret(ciphertext: string, aad: string | null, options: { acceptLegacy: boolean }): string {
  const parsed = parse(ciphertext);
  if (!parsed.bound && !options.acceptLegacy) throw new Error("Secret is in the retired unbound format");
  const key = keysById.get(parsed.keyId);
  if (!key) throw new Error(`Secret was encrypted with an unknown key (id ${parsed.keyId})`);
  const iv = Buffer.from(parsed.iv, "base64url");
  const tag = Buffer.from(parsed.tag, "base64url");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error("Secret is malformed");
  const decipher = createDecipheriv("aes-256-gcm", key.bytes, iv, { authTagLength: TAG_BYTES });
  if (parsed.bound) decipher.setAAD(Buffer.from(aad ?? "", "utf8"));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(Buffer.from(parsed.data, "base64url")), decipher.final()]).toString("utf8");
}

/** Written in the bound format under the current key: nothing to rewrite. */
export function isCurrentSecret(ciphertext: string): boolean {
  try {
    const parsed = parse(ciphertext);
    return parsed.bound && parsed.keyId === currentKey.id;
  } catch {
    return false;
  }
}
