// AES-256-GCM for secrets at rest, bound to what they belong to (associated data), with the
// legacy unbound format still readable until `npm run keys:rotate` rewrites it.
import { createCipheriv, createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";

const current = Buffer.alloc(32, 1).toString("base64");
const previous = Buffer.alloc(32, 2).toString("base64");
Object.assign(process.env, {
  DATABASE_URL: "postgresql://user:pass@127.0.0.1:5432/db",
  AUTH_SECRET: "a".repeat(40),
  CRON_SECRET: "c".repeat(20),
  ENCRYPTION_KEY: current,
  ENCRYPTION_KEYS_PREVIOUS: previous,
});
const { decryptSecret, encryptSecret, isCurrentSecret } = await import("@/lib/crypto/secret-box");

/** Callers refuse the legacy format once keys:rotate has run (lib/crypto/legacy-format.ts). */
const bound = { acceptLegacy: false };
const STORE_A = "tribedesk/store-api-key/0b5c7a8e-1111-4aaa-8bbb-000000000001";
const STORE_B = "tribedesk/store-api-key/0b5c7a8e-2222-4aaa-8bbb-000000000002";

/** The format written before associated data: "<keyId>.<iv>.<tag>.<data>", no AAD. */
function legacyCiphertext(plaintext: string, keyBase64: string): string {
  const key = Buffer.from(keyBase64, "base64");
  const id = createHash("sha256").update(key).digest("hex").slice(0, 8);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [id, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(".");
}

describe("secret box", () => {
  it("round-trips a secret bound to its owner, in the versioned format", () => {
    const { ciphertext } = encryptSecret("tb-a1b2-c3d-e4f5", STORE_A);
    expect(ciphertext).toMatch(/^v2\.[0-9a-f]{8}\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(decryptSecret(ciphertext, STORE_A, bound)).toBe("tb-a1b2-c3d-e4f5");
    expect(isCurrentSecret(ciphertext)).toBe(true);
  });

  it("refuses a ciphertext moved to another owner (the associated data does not match)", () => {
    const { ciphertext } = encryptSecret("tb-a1b2-c3d-e4f5", STORE_A);
    expect(() => decryptSecret(ciphertext, STORE_B, bound)).toThrow();
    expect(() => decryptSecret(ciphertext, null, bound)).toThrow();
  });

  it("refuses a tampered ciphertext", () => {
    const { ciphertext } = encryptSecret("tb-a1b2-c3d-e4f5", STORE_A);
    const parts = ciphertext.split(".");
    const data = Buffer.from(parts[4]!, "base64url");
    data[0] = data[0]! ^ 1;
    parts[4] = data.toString("base64url");
    expect(() => decryptSecret(parts.join("."), STORE_A, bound)).toThrow();
  });

  it("still reads the legacy unbound format (under any known key) and reports it as due for rewriting", () => {
    for (const key of [current, previous]) {
      const old = legacyCiphertext("tb-0ld0-key-0001", key);
      expect(decryptSecret(old, STORE_A, { acceptLegacy: true })).toBe("tb-0ld0-key-0001");
      expect(isCurrentSecret(old)).toBe(false);
    }
  });

  it("refuses the legacy unbound format when the caller no longer accepts it", () => {
    const old = legacyCiphertext("tb-0ld0-key-0001", current);
    expect(() => decryptSecret(old, STORE_A, bound)).toThrow(/retired unbound format/);
  });

  it("refuses a truncated tag (Node would accept 4 bytes without authTagLength) and an IV that is not 12 bytes", () => {
    const { ciphertext } = encryptSecret("tb-a1b2-c3d-e4f5", STORE_A);
    const parts = ciphertext.split(".");
    expect(Buffer.from(parts[3]!, "base64url")).toHaveLength(16);
    for (const length of [4, 8, 12, 15]) {
      const short = [...parts];
      short[3] = Buffer.from(parts[3]!, "base64url").subarray(0, length).toString("base64url");
      expect(() => decryptSecret(short.join("."), STORE_A, bound), `${length}-byte tag`).toThrow();
    }
    // A forged 4-byte tag is one of 2^32, not 2^128: with a truncated tag accepted, the right prefix
    // of the real tag decrypts. It must not.
    const truncated = [...parts];
    truncated[3] = Buffer.from(parts[3]!, "base64url").subarray(0, 4).toString("base64url");
    expect(() => decryptSecret(truncated.join("."), STORE_A, bound)).toThrow(/malformed/);
    const longIv = [...parts];
    longIv[2] = Buffer.concat([Buffer.from(parts[2]!, "base64url"), Buffer.alloc(4)]).toString("base64url");
    expect(() => decryptSecret(longIv.join("."), STORE_A, bound)).toThrow(/malformed/);
  });

  it("reads a bound secret under a previous key, due for rewriting", () => {
    // What encryptSecret wrote before ENCRYPTION_KEY changed: same format, the old key's id.
    const key = Buffer.from(previous, "base64");
    const id = createHash("sha256").update(key).digest("hex").slice(0, 8);
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", key, iv);
    cipher.setAAD(Buffer.from(STORE_A, "utf8"));
    const data = Buffer.concat([cipher.update("tb-prev-key-0002", "utf8"), cipher.final()]);
    const ciphertext = [
      "v2",
      id,
      iv.toString("base64url"),
      cipher.getAuthTag().toString("base64url"),
      data.toString("base64url"),
    ].join(".");
    expect(decryptSecret(ciphertext, STORE_A, bound)).toBe("tb-prev-key-0002");
    expect(isCurrentSecret(ciphertext)).toBe(false);
  });

  it("says which key is missing instead of failing obscurely", () => {
    const stranger = legacyCiphertext("x", Buffer.alloc(32, 9).toString("base64"));
    expect(() => decryptSecret(stranger, STORE_A, { acceptLegacy: true })).toThrow(/unknown key/);
    expect(() => decryptSecret("garbage", STORE_A, bound)).toThrow(/malformed/);
  });
});
