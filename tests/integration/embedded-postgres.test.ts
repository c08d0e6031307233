import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/embedded/postgres";

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function query(url: string, sql: string) {
  const client = new pg.Client(url);
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("the embedded PostgreSQL", () => {
  it("starts, stops, and on restart reuses its data", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "tribedesk-embedded-"));
    dirs.push(dir);
    const dataDir = path.join(dir, "postgres");

    const first = await startEmbeddedPostgres({ dataDir });
    await first.createDatabase("app");
    await query(first.urlFor("app"), "CREATE TABLE kept (value text); INSERT INTO kept VALUES ('still here')");
    await first.stop();
    await expect(query(first.urlFor("app"), "SELECT 1")).rejects.toThrow();

    const second = await startEmbeddedPostgres({ dataDir });
    try {
      expect(await query(second.urlFor("app"), "SELECT value FROM kept")).toEqual([{ value: "still here" }]);
      const [row] = await query(second.url, "SHOW server_version");
      expect(Number.parseInt(String(row?.server_version), 10)).toBeGreaterThanOrEqual(15);
    } finally {
      await second.stop();
    }
  });
});
