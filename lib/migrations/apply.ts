// Applies prisma/migrations/*/migration.sql with plain `pg`, keeping Prisma's own bookkeeping
// table, so `prisma migrate deploy`/`status` on a networked machine agree with what ran here.
// Plain pg instead of the WASM engine: no 40 MB wasm to compile on every `npm start`, one
// connection, and a pending-free run is two queries.
//
// Used by scripts and test setup, so no "server-only" and no lib/env: the caller passes the URL.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { DEFAULT_MIGRATIONS_DIR, type MigrationFolder, readMigrations } from "./read-migrations";

// The key `prisma migrate deploy` locks too, so this and Prisma's CLI never migrate at once.
// Session-level: needs a direct connection, not a transaction-mode pooler (Neon/Supabase pooled
// URLs), exactly like Prisma's own migrate; callers pick the URL with migration-url.ts.
const PRISMA_MIGRATE_LOCK_KEY = 72707369;

// Byte-for-byte the table Prisma's schema engine creates on PostgreSQL.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export type ApplyMigrationsOptions = {
  migrationsDir?: string;
  log?: (line: string) => void;
};

type AppliedRow = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

export async function applyMigrations(databaseUrl: string, options: ApplyMigrationsOptions = {}): Promise<{ applied: string[] }> {
  const log = options.log ?? (() => {});
  const migrations = await readMigrations(options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await lock(client, log);
    try {
      return { applied: await applyPending(client, migrations, log) };
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
    }
  } finally {
    await client.end();
  }
}

async function lock(client: pg.Client, log: (line: string) => void): Promise<void> {
  const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [PRISMA_MIGRATE_LOCK_KEY]);
  if (rows[0]?.ok) return;
  // Another build, worker or `prisma migrate` is migrating; wait for it, then re-read the table.
  log("waiting for another process to finish migrating…");
  await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK_KEY]);
}

async function applyPending(client: pg.Client, migrations: MigrationFolder[], log: (line: string) => void): Promise<string[]> {
  // Quiet: IF NOT EXISTS raises a NOTICE every run otherwise.
  await client.query("SET client_min_messages = warning");
  await client.query(CREATE_MIGRATIONS_TABLE);
  const { rows } = await client.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"
      WHERE rolled_back_at IS NULL ORDER BY started_at`,
  );
  const done = checkHistory(rows, migrations, log);

  const applied: string[] = [];
  for (const migration of migrations) {
    if (done.has(migration.name)) continue;
    await applyOne(client, migration);
    log(`applied ${migration.name}`);
    applied.push(migration.name);
  }
  return applied;
}

/** Names already applied; throws on anything a deploy must not paper over. */
function checkHistory(rows: AppliedRow[], migrations: MigrationFolder[], log: (line: string) => void): Set<string> {
  const onDisk = new Map(migrations.map((m) => [m.name, m]));
  const done = new Set<string>();
  for (const row of rows) {
    if (row.finished_at === null) {
      // Left by `prisma migrate deploy` (ours roll back whole): Prisma refuses to go on too (P3009).
      throw new Error(
        `Migration ${row.migration_name} failed earlier and was never resolved. Fix the database, then run ` +
          `\`prisma migrate resolve --rolled-back ${row.migration_name}\` (or --applied).`,
      );
    }
    const local = onDisk.get(row.migration_name);
    if (!local) {
      log(`warning: ${row.migration_name} is applied in the database but missing from the migrations directory`);
    } else if (local.checksum !== row.checksum) {
      throw new Error(
        `Migration ${row.migration_name} was edited after it was applied (checksum ${row.checksum} in the ` +
          `database, ${local.checksum} on disk). Restore the applied migration.sql and add a new migration instead.`,
      );
    }
    done.add(row.migration_name);
  }
  return done;
}

/** One transaction: the migration's statements and its bookkeeping row commit or vanish together. */
async function applyOne(client: pg.Client, migration: MigrationFolder): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, clock_timestamp())`,
      [randomUUID(), migration.checksum, migration.name],
    );
    // No parameters → simple query protocol, which runs a multi-statement script.
    await client.query(migration.sql);
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE migration_name = $1`,
      [migration.name],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Migration ${migration.name} failed and was rolled back: ${reason}`, { cause: error });
  }
}
