import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env } from "@/lib/env";

// AES-256-GCM for secrets at rest (TribeMade API keys). Node's crypto is the well-kept library
// here; this file only fixes the format: "<keyId>.<iv>.<tag>.<ciphertext>", base64url parts.
// The key id is derived from the key itself, so rotating ENCRYPTION_KEY needs no extra setting:
// old ciphertexts name the previous key, found in ENCRYPTION_KEYS_PREVIOUS.

type Key = { id: string; bytes: Buffer };

function toKey(base64: string): Key {
  const bytes = Buffer.from(base64, "base64");
  return { id: createHash("sha256").update(bytes).digest("hex").slice(0, 8), bytes };
}

const currentKey = toKey(env.ENCRYPTION_KEY);
const keysById = new Map([currentKey, ...env.ENCRYPTION_KEYS_PREVIOUS.map(toKey)].map((key) => [key.id, key]));

export function encryptSecret(plaintext: string): { ciphertext: string; keyId: string } {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", currentKey.bytes, iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const parts = [currentKey.id, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")];
  return { ciphertext: parts.join("."), keyId: currentKey.id };
}

export function decryptSecret(ciphertext: string): string {
  const [keyId, iv, tag, data] = ciphertext.split(".");
  const key = keyId ? keysById.get(keyId) : undefined;
  if (!key || !iv || !tag || data === undefined) throw new Error("Secret was encrypted with an unknown key or is malformed");
  const decipher = createDecipheriv("aes-256-gcm", key.bytes, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}
