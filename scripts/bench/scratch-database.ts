// A benchmark's own database: an embedded PostgreSQL in the benchmark's throwaway directory (stopped
// with it), with one database created and migrated, so no run sees another's rows.
import path from "node:path";
import { startEmbeddedPostgres } from "../../lib/embedded/postgres";
import type { ThrowawayDir } from "../../lib/embedded/throwaway-dir";
import { applyMigrations } from "../../lib/migrations/apply";

/** Resolves to the migrated database's URL (`bench_<name>`). */
export async function scratchDatabase(scratch: ThrowawayDir, name: string, log: (line: string) => void): Promise<string> {
  log(`${name}: starting embedded PostgreSQL…`);
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(scratch.dir, "data"), persistent: false });
  scratch.onStop(() => postgres.stop());
  await postgres.createDatabase(`bench_${name}`);
  const databaseUrl = postgres.urlFor(`bench_${name}`);
  await applyMigrations(databaseUrl);
  return databaseUrl;
}
