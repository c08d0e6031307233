// API-key ciphertexts are bound to their store (AES-GCM associated data): one copied into another
// store's row does not decrypt there. `npm run keys:rotate` rewrites every stored key under the
// current ENCRYPTION_KEY in the bound format, reading the legacy unbound format and previous keys.
import { spawn } from "node:child_process";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/tests/fixtures/auth-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/tests/fixtures/auth-request")).nextCache);

// Nothing here should reach TribeMade; a closed port fails fast.
process.env.TRIBEMADE_API_BASE_URL = "http://127.0.0.1:9";

const { actAs } = await import("@/tests/fixtures/auth-request");
const { createMerchant } = await import("@/tests/fixtures/auth-merchants");
const { testStoreApiKey } = await import("@/lib/stores/actions");
const { storeApiKeyAad } = await import("@/lib/crypto/aad");
const { db } = await import("@/lib/db");

const keyId = (base64: string) => createHash("sha256").update(Buffer.from(base64, "base64")).digest("hex").slice(0, 8);

/** The format written before associated data: "<keyId>.<iv>.<tag>.<data>". */
function legacyCiphertext(plaintext: string, keyBase64: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", Buffer.from(keyBase64, "base64"), iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [keyId(keyBase64), iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), data.toString("base64url")].join(
    ".",
  );
}

function openBound(ciphertext: string, keyBase64: string, aad: string): string {
  const [, , iv, tag, data] = ciphertext.split(".");
  const decipher = createDecipheriv("aes-256-gcm", Buffer.from(keyBase64, "base64"), Buffer.from(iv!, "base64url"));
  decipher.setAAD(Buffer.from(aad, "utf8"));
  decipher.setAuthTag(Buffer.from(tag!, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data!, "base64url")), decipher.final()]).toString("utf8");
}

function rotate(env: Record<string, string>): Promise<{ code: number; out: string }> {
  const tsx = path.join(process.cwd(), "node_modules", "tsx", "dist", "cli.mjs");
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [tsx, "--conditions=react-server", "scripts/keys-rotate.ts"], {
      cwd: process.cwd(),
      env: { ...process.env, NODE_OPTIONS: "", ...env } as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("close", (code: number | null) => resolve({ code: code ?? 1, out }));
  });
}

const oldKey = process.env.ENCRYPTION_KEY!;

// This database stands for one from before the bound format: the unbound one is still accepted
// until keys:rotate has rewritten every secret (a fresh database refuses it from its migration on).
await db.secretsState.update({ where: { id: 1 }, data: { legacyRetiredAt: null } });

describe("store API keys at rest", () => {
  it("are bound to their store: B's ciphertext copied into A's row does not decrypt as A's key", async () => {
    const a = await createMerchant("Alpha");
    const b = await createMerchant("Beta");
    const stolen = await db.store.findUniqueOrThrow({ where: { id: b.store.id }, select: { apiKeyCiphertext: true } });
    expect(stolen.apiKeyCiphertext).toMatch(/^v2\./);
    await db.store.update({ where: { id: a.store.id }, data: { apiKeyCiphertext: stolen.apiKeyCiphertext } });
    await actAs(a.user);
    expect(await testStoreApiKey({ storeId: a.store.id })).toMatchObject({
      ok: false,
      error: { code: "conflict", message: expect.stringMatching(/can.t be read.*Enter the key again/) },
    });
  });

  it("in the legacy unbound format are still used, and rewritten bound on first use", async () => {
    const a = await createMerchant("Alpha");
    const legacy = legacyCiphertext(a.apiKey, oldKey);
    await db.store.update({ where: { id: a.store.id }, data: { apiKeyCiphertext: legacy } });
    await actAs(a.user);
    // TribeMade is unreachable here: the key was read and sent, which is what matters.
    expect(await testStoreApiKey({ storeId: a.store.id })).toMatchObject({ ok: true, data: { status: "unreachable" } });
    const row = await db.store.findUniqueOrThrow({ where: { id: a.store.id }, select: { apiKeyCiphertext: true } });
    expect(row.apiKeyCiphertext).toMatch(/^v2\./);
    expect(openBound(row.apiKeyCiphertext!, oldKey, storeApiKeyAad(a.store.id))).toBe(a.apiKey);
  });
});

describe("npm run keys:rotate", () => {
  it("re-encrypts every stored key under the current ENCRYPTION_KEY, bound to its store, and reports what it could not read", async () => {
    const legacy = await createMerchant("Legacy");
    const signingSecret = "whsec_bGVnYWN5LXNpZ25pbmctc2VjcmV0LWZvci10ZXN0cw";
    await db.store.update({
      where: { id: legacy.store.id },
      data: {
        apiKeyCiphertext: legacyCiphertext(legacy.apiKey, oldKey),
        fulfillmentSecretCiphertext: legacyCiphertext(signingSecret, oldKey),
      },
    });
    const bound = await createMerchant("Bound");
    const lost = await createMerchant("Lost");
    const unknownKey = Buffer.alloc(32, 99).toString("base64");
    const lostCiphertext = legacyCiphertext(lost.apiKey, unknownKey);
    await db.store.update({ where: { id: lost.store.id }, data: { apiKeyCiphertext: lostCiphertext } });

    const newKey = randomBytes(32).toString("base64");
    const { code, out } = await rotate({ ENCRYPTION_KEY: newKey, ENCRYPTION_KEYS_PREVIOUS: oldKey });
    expect(code, out).toBe(1);
    expect(out).toMatch(
      /Re-encrypted \d+ of \d+ stored TribeMade API keys under the current ENCRYPTION_KEY \(key id [0-9a-f]{8}\)/,
    );
    expect(out).toContain(`store ${lost.store.id}: encrypted with an unknown key`);

    for (const merchant of [legacy, bound]) {
      const row = await db.store.findUniqueOrThrow({
        where: { id: merchant.store.id },
        select: { apiKeyCiphertext: true, apiKeyKeyId: true },
      });
      expect(row.apiKeyCiphertext).toMatch(new RegExp(`^v2\\.${keyId(newKey)}\\.`));
      expect(row.apiKeyKeyId).toBe(keyId(newKey));
      expect(openBound(row.apiKeyCiphertext!, newKey, storeApiKeyAad(merchant.store.id))).toBe(merchant.apiKey);
    }
    // The fulfillment signing secret too, under its own label.
    const { fulfillmentSecretCiphertext } = await db.store.findUniqueOrThrow({
      where: { id: legacy.store.id },
      select: { fulfillmentSecretCiphertext: true },
    });
    expect(out).toMatch(/Re-encrypted [1-9]\d* of \d+ stored fulfillment signing secrets/);
    expect(openBound(fulfillmentSecretCiphertext!, newKey, `tribedesk/fulfillment-secret/${legacy.store.id}`)).toBe(
      signingSecret,
    );
    // The unreadable one is left exactly as it was, for someone with the right key.
    const untouched = await db.store.findUniqueOrThrow({ where: { id: lost.store.id }, select: { apiKeyCiphertext: true } });
    expect(untouched.apiKeyCiphertext).toBe(lostCiphertext);

    // A second run has nothing left to do but the one it cannot read.
    const again = await rotate({ ENCRYPTION_KEY: newKey, ENCRYPTION_KEYS_PREVIOUS: oldKey });
    expect(again.out).toMatch(/Re-encrypted 0 of \d+/);
    // Not everything is bound yet, so the unbound format is still read.
    expect((await db.secretsState.findUniqueOrThrow({ where: { id: 1 } })).legacyRetiredAt).toBeNull();

    // Once the unreadable ones are dealt with (re-entered, here cleared), a run binds everything and
    // retires the unbound format: one planted afterwards (from a backup of another store, say) is
    // refused on use and by the next run, never rewritten as this store's.
    await db.store.updateMany({
      where: { id: { notIn: [legacy.store.id, bound.store.id] } },
      data: { apiKeyCiphertext: null, fulfillmentSecretCiphertext: null },
    });
    const complete = await rotate({ ENCRYPTION_KEY: newKey, ENCRYPTION_KEYS_PREVIOUS: oldKey });
    expect(complete.code, complete.out).toBe(0);
    expect(complete.out).toContain("the old unbound format is refused from now on");
    expect((await db.secretsState.findUniqueOrThrow({ where: { id: 1 } })).legacyRetiredAt).not.toBeNull();

    const planted = legacyCiphertext(legacy.apiKey, oldKey);
    await db.store.update({ where: { id: bound.store.id }, data: { apiKeyCiphertext: planted } });
    await actAs(bound.user);
    expect(await testStoreApiKey({ storeId: bound.store.id })).toMatchObject({
      ok: false,
      error: { code: "conflict", message: expect.stringMatching(/can.t be read/) },
    });
    const after = await rotate({ ENCRYPTION_KEY: newKey, ENCRYPTION_KEYS_PREVIOUS: oldKey });
    expect(after.code).toBe(1);
    expect(after.out).toContain(`store ${bound.store.id}: in the unbound format`);
    expect(
      (await db.store.findUniqueOrThrow({ where: { id: bound.store.id }, select: { apiKeyCiphertext: true } })).apiKeyCiphertext,
    ).toBe(planted);
  }, 180_000);
});
