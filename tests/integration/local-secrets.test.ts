// The embedded default's secrets under .data/: generated once and kept. ENCRYPTION_KEY is never
// regenerated behind the merchant's back: the API keys saved in the local database were encrypted
// with it, and a new one would silently make every one of them unreadable.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadLocalSecrets } from "@/lib/embedded/local-secrets";

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "tribedesk-secrets-"));
  dirs.push(dir);
  return path.join(dir, ".data");
}

const file = (dir: string) => path.join(dir, "secrets.json");
const readJson = async (dir: string) => JSON.parse(await readFile(file(dir), "utf8")) as Record<string, string>;

describe("loadLocalSecrets", () => {
  it("generates every secret on a first start and keeps them, readable by the owner only", async () => {
    const dir = await dataDir();
    const first = await loadLocalSecrets(dir);
    expect(Buffer.from(first.ENCRYPTION_KEY, "base64")).toHaveLength(32);
    expect((await stat(file(dir))).mode & 0o777).toBe(0o600);
    expect(await loadLocalSecrets(dir)).toEqual(first);
  });

  it("refuses to start when the file lost its ENCRYPTION_KEY, saying what to do", async () => {
    const dir = await dataDir();
    const { ENCRYPTION_KEY: _lost, ...rest } = await loadLocalSecrets(dir);
    await writeFile(file(dir), JSON.stringify(rest));
    await expect(loadLocalSecrets(dir)).rejects.toThrow(
      `${file(dir)} has no ENCRYPTION_KEY. The TribeMade API keys saved in the local database were encrypted with it: ` +
        `restore the file from a backup, or delete ${dir} to start over with an empty database.`,
    );
    // Nothing was written: the file still lacks the key, for the merchant to restore.
    expect(await readJson(dir)).toEqual(rest);
  });

  it("refuses to start when the whole file is gone but the database is still there", async () => {
    const dir = await dataDir();
    await loadLocalSecrets(dir);
    await mkdir(path.join(dir, "postgres"), { recursive: true });
    await writeFile(path.join(dir, "postgres", "PG_VERSION"), "18\n");
    await rm(file(dir));
    await expect(loadLocalSecrets(dir)).rejects.toThrow(/secrets\.json is missing but .*postgres holds a database/);
    expect(existsSync(file(dir))).toBe(false);
  });

  it("refuses a file that is not JSON", async () => {
    const dir = await dataDir();
    await mkdir(dir, { recursive: true });
    await writeFile(file(dir), "{ not json");
    await expect(loadLocalSecrets(dir)).rejects.toThrow(/secrets\.json is not valid JSON/);
  });

  it("fills in (and keeps) a missing secret that losing costs nothing but a sign-in", async () => {
    const dir = await dataDir();
    const { AUTH_SECRET: _gone, ...rest } = await loadLocalSecrets(dir);
    await writeFile(file(dir), JSON.stringify(rest));
    const loaded = await loadLocalSecrets(dir);
    expect(loaded).toMatchObject(rest);
    expect(loaded.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect((await readJson(dir)).AUTH_SECRET).toBe(loaded.AUTH_SECRET);
  });
});
