// The migrations folder must build exactly what prisma/schema.prisma describes, and the applier
// must be safe to run from every build, worker and `npm start` at once.
import { createHash, randomUUID } from "node:crypto";
import { appendFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { applyMigrations } from "@/lib/migrations/apply";
import { readMigrations } from "@/lib/migrations/read-migrations";
import { diffSql } from "@/lib/migrations/schema-engine";

const serverUrl = inject("pgServerUrl");
const root = path.resolve(import.meta.dirname, "../..");
const migrationsDir = path.join(root, "prisma", "migrations");
const schemaPath = path.join(root, "prisma", "schema.prisma");

const created: string[] = [];
const tmpDirs: string[] = [];

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new empty database on the test server; dropped after the file. */
async function freshDatabase(): Promise<string> {
  const name = `drift_${randomUUID().replaceAll("-", "")}`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  created.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A private copy of the migrations folder to tamper with. */
async function copyOfMigrations(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "tribedesk-migrations-"));
  tmpDirs.push(dir);
  await cp(migrationsDir, dir, { recursive: true });
  return dir;
}

afterAll(async () => {
  await withClient(serverUrl, async (c) => {
    for (const name of created) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
  for (const dir of tmpDirs) await rm(dir, { recursive: true, force: true });
});

// Everything a migration can get wrong, read from the catalogs, in a stable order. Column
// order is left out on purpose: ADD COLUMN appends, which is harmless. NOT NULL constraints
// (contype 'n', PostgreSQL 18+) are covered by is_nullable and carry generated names.
const SNAPSHOT_QUERIES = {
  tables: `SELECT table_name, table_type FROM information_schema.tables
            WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1`,
  columns: `SELECT table_name, column_name, data_type, udt_name, character_maximum_length, numeric_precision,
                   numeric_scale, datetime_precision, is_nullable, column_default, is_identity
              FROM information_schema.columns
             WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' ORDER BY 1, 2`,
  enums: `SELECT t.typname, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS labels
            FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
           WHERE n.nspname = 'public' GROUP BY 1 ORDER BY 1`,
  // Expression and partial indexes are left out: schema.prisma cannot describe them, so they live in
  // migrations only (the search indexes, docs/search.md, and the customers' join index);
  // tests/integration/search-plans.test.ts and customers-join.test.ts prove each one exists and serves.
  indexes: `SELECT i.tablename, i.indexname, i.indexdef FROM pg_indexes i
              JOIN pg_index x ON x.indexrelid = format('%I.%I', i.schemaname, i.indexname)::regclass
             WHERE i.schemaname = 'public' AND i.tablename <> '_prisma_migrations' AND x.indexprs IS NULL AND x.indpred IS NULL ORDER BY 1, 2`,
  constraints: `SELECT c.conrelid::regclass::text AS table_name, c.conname, c.contype::text,
                       pg_get_constraintdef(c.oid) AS definition, c.condeferrable, c.condeferred
                  FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
                 WHERE n.nspname = 'public' AND c.contype <> 'n'
                   AND c.conrelid::regclass::text NOT IN ('_prisma_migrations', '"_prisma_migrations"')
                 ORDER BY 1, 2`,
  sequences: `SELECT sequence_name, data_type, start_value, increment FROM information_schema.sequences
               WHERE sequence_schema = 'public' ORDER BY 1`,
} as const;

type Snapshot = Record<keyof typeof SNAPSHOT_QUERIES, unknown[]>;

async function catalogSnapshot(url: string): Promise<Snapshot> {
  return withClient(url, async (c) => {
    const snapshot: Partial<Snapshot> = {};
    // One after another: a pg client runs one query at a time.
    for (const [key, sql] of Object.entries(SNAPSHOT_QUERIES)) snapshot[key as keyof Snapshot] = (await c.query(sql)).rows;
    return snapshot as Snapshot;
  });
}

describe("prisma/migrations versus prisma/schema.prisma", () => {
  let migrated: string;
  let firstRun: { applied: string[] };

  beforeAll(async () => {
    migrated = await freshDatabase();
    firstRun = await applyMigrations(migrated, { migrationsDir });
  });

  it("migrations build the same catalog as the schema engine's CREATE script for schema.prisma", async () => {
    const [direct, createScript] = await Promise.all([
      freshDatabase(),
      diffSql({ from: "empty", to: "schema", databaseUrl: serverUrl, schemaPath, migrationsDir }),
    ]);
    // Extensions are created by migrations (Prisma's extension support is a preview feature this
    // project does not enable), so the CREATE script's database gets the same ones first.
    const extensions = await withClient(migrated, async (c) =>
      (await c.query<{ extname: string }>(`SELECT extname FROM pg_extension WHERE extname <> 'plpgsql'`)).rows.map(
        (r) => r.extname,
      ),
    );
    await withClient(direct, async (c) => {
      for (const name of extensions) await c.query(`CREATE EXTENSION IF NOT EXISTS "${name}"`);
      await c.query(createScript);
    });

    const expected = await catalogSnapshot(direct);
    expect(expected.tables.length).toBeGreaterThan(5);
    expect(await catalogSnapshot(migrated)).toEqual(expected);

    // …and the snapshot would notice a difference as small as a column default.
    await withClient(direct, (c) => c.query(`ALTER TABLE "Store" ALTER COLUMN "retentionDays" SET DEFAULT 31`));
    expect(await catalogSnapshot(migrated)).not.toEqual(await catalogSnapshot(direct));
  });

  it("the schema engine sees no difference between the migrations and schema.prisma", async () => {
    const sql = await diffSql({ from: "migrations", to: "schema", databaseUrl: serverUrl, schemaPath, migrationsDir });
    expect(sql, "schema.prisma changed without a migration: run `npm run db:diff -- --name <change>`").toBe("");
  });

  it("the engine check is not vacuous: a schema change shows up as SQL", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "tribedesk-schema-"));
    tmpDirs.push(dir);
    const changed = path.join(dir, "schema.prisma");
    const schema = await readFile(schemaPath, "utf8");
    await writeFile(changed, `${schema}\nmodel DriftProbe {\n  id Int @id\n}\n`);

    const sql = await diffSql({ from: "migrations", to: "schema", databaseUrl: serverUrl, schemaPath: changed, migrationsDir });
    expect(sql).toContain('CREATE TABLE "DriftProbe"');
  });

  it("records every migration once with Prisma's sha256 checksum, and a second run applies nothing", async () => {
    const onDisk = await readMigrations(migrationsDir);
    expect(firstRun.applied).toEqual(onDisk.map((m) => m.name));
    expect(await applyMigrations(migrated, { migrationsDir })).toEqual({ applied: [] });

    const rows = await withClient(
      migrated,
      async (c) =>
        (
          await c.query(`SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, logs
                        FROM "_prisma_migrations" ORDER BY migration_name`)
        ).rows,
    );
    const expected = await Promise.all(
      onDisk.map(async (m) => ({
        migration_name: m.name,
        checksum: createHash("sha256")
          .update(await readFile(path.join(migrationsDir, m.name, "migration.sql")))
          .digest("hex"),
        finished_at: expect.any(Date),
        rolled_back_at: null,
        applied_steps_count: 1,
        logs: null,
      })),
    );
    expect(rows).toEqual(expected);
  });

  it("fails loudly when an applied migration was edited", async () => {
    const dir = await copyOfMigrations();
    const first = (await readMigrations(dir))[0];
    if (!first) throw new Error("no migrations on disk");
    await appendFile(path.join(dir, first.name, "migration.sql"), "\n-- edited after the fact\n");

    await expect(applyMigrations(migrated, { migrationsDir: dir })).rejects.toThrow(
      new RegExp(`${first.name} was edited after it was applied`),
    );
  });
});

describe("applyMigrations", () => {
  it("lets concurrent runs apply each migration exactly once (advisory lock)", async () => {
    const url = await freshDatabase();
    const runs = await Promise.all([1, 2, 3, 4].map(() => applyMigrations(url, { migrationsDir })));

    const names = (await readMigrations(migrationsDir)).map((m) => m.name);
    expect(runs.flatMap((r) => r.applied).sort()).toEqual(names);
    const { rows } = await withClient(url, (c) => c.query(`SELECT count(*)::int AS n FROM "_prisma_migrations"`));
    expect(rows[0]?.n).toBe(names.length);
  });

  it("rolls a failing migration back whole and records nothing for it", async () => {
    const url = await freshDatabase();
    const dir = await copyOfMigrations();
    const broken = path.join(dir, "99990101000000_broken");
    await mkdir(broken);
    await writeFile(path.join(broken, "migration.sql"), `CREATE TABLE "Half" (id int);\nSELECT * FROM "NoSuchTable";\n`);

    await expect(applyMigrations(url, { migrationsDir: dir })).rejects.toThrow(
      /99990101000000_broken failed and was rolled back/,
    );
    const state = await withClient(url, async (c) => ({
      half: (await c.query(`SELECT to_regclass('public."Half"') AS t`)).rows[0]?.t,
      rows: (await c.query(`SELECT migration_name FROM "_prisma_migrations" ORDER BY 1`)).rows.map((r) => r.migration_name),
    }));
    expect(state.half).toBeNull();
    // The migrations before it committed on their own and stay applied.
    expect(state.rows).toEqual((await readMigrations(migrationsDir)).map((m) => m.name));
  });
});
