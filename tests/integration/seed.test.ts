import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { storeApiKeyAad } from "@/lib/crypto/aad";
import { sha256Hex } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { DEMO } from "@/lib/embedded/demo";

const root = path.resolve(import.meta.dirname, "../..");
const token = "demo-token-for-the-seed-test-0123456789";

/** Runs prisma/seed.ts as the embedded default does: its own process, configured by env. */
function seed(env: Record<string, string>) {
  const tsx = path.join(root, "node_modules", "tsx", "dist", "cli.mjs");
  return spawnSync(process.execPath, [tsx, "--conditions=react-server", "prisma/seed.ts"], {
    cwd: root,
    env: { ...process.env, TRIBEDESK_DEMO: "1", TRIBEDESK_DEMO_WEBHOOK_TOKEN: token, ...env },
    encoding: "utf8",
  });
}

describe("the demo seed", () => {
  it("refuses unless demo mode is on", () => {
    const result = seed({ TRIBEDESK_DEMO: "0" });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/Refusing to seed demo data/);
  });

  it("refuses a database that is not on this machine", () => {
    const result = seed({ DATABASE_URL: "postgresql://user:pass@db.example.com:5432/prod" });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/Refusing to seed demo data \(database host db\.example\.com/);
  });

  it("creates the demo merchant once, with an encrypted key and a working login", async () => {
    expect(await db.user.count()).toBe(0);
    const first = seed({});
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/demo merchant created/);
    expect(seed({}).stdout).toMatch(/demo merchant already present/);

    const user = await db.user.findUniqueOrThrow({ where: { email: DEMO.email }, omit: { passwordHash: false } });
    expect(await verifyPassword(user.passwordHash, DEMO.password)).toBe(true);
    const store = await db.store.findFirstOrThrow({
      omit: { apiKeyCiphertext: false },
      include: { endpoints: true, memberships: true },
    });
    expect(store.apiKeyCiphertext).not.toContain(DEMO.apiKey);
    expect(decryptSecret(store.apiKeyCiphertext ?? "", storeApiKeyAad(store.id), { acceptLegacy: false })).toBe(DEMO.apiKey);
    expect(store.apiKeyLast4).toBe(DEMO.apiKey.slice(-4));
    expect(store.endpoints.map((endpoint) => endpoint.tokenHash)).toEqual([sha256Hex(token)]);
    expect(store.memberships).toMatchObject([{ userId: user.id, role: "owner" }]);
    expect(await db.user.count()).toBe(1);
    // Two seed processes (tsx compiles the app's data layer each time): slow on a busy machine.
  }, 120_000);
});
