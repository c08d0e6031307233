// The migration folders on disk, in the order they apply. Shared by the pg applier and the
// schema engine so both see the same list.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export type MigrationFolder = {
  /** Folder name, e.g. `20261128120000_init`; also the `_prisma_migrations.migration_name`. */
  name: string;
  sql: string;
  /** sha256 hex of migration.sql's bytes: what Prisma stores as `checksum`. */
  checksum: string;
};

export const DEFAULT_MIGRATIONS_DIR = path.join("prisma", "migrations");

export async function readMigrations(migrationsDir: string): Promise<MigrationFolder[]> {
  const dir = path.resolve(migrationsDir);
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  // Prisma orders by folder name; the timestamp prefix makes that chronological.
  const names = entries
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(path.join(dir, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    }),
  );
}
