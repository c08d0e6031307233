// npm run db:migrate — apply pending prisma/migrations to $DATABASE_URL_UNPOOLED, else $DATABASE_URL
// (Vercel runs this in its build step; a transaction pooler's URL is refused, see
// lib/migrations/migration-url.ts). Prisma's bookkeeping, so `prisma migrate status` elsewhere agrees.
import path from "node:path";
import { applyMigrations } from "../lib/migrations/apply";
import { migrationUrl } from "../lib/migrations/migration-url";

const root = path.resolve(__dirname, "..");

async function main() {
  if (!process.env.DATABASE_URL && !process.env.DATABASE_URL_UNPOOLED) {
    console.error("db:migrate: DATABASE_URL is not set. (`npm start` without it migrates the embedded database itself.)");
    process.exit(1);
  }
  const databaseUrl = migrationUrl(process.env);
  const started = performance.now();
  const { applied } = await applyMigrations(databaseUrl, {
    migrationsDir: path.join(root, "prisma", "migrations"),
    log: (line) => console.log(`db:migrate: ${line}`),
  });
  const ms = Math.round(performance.now() - started);
  console.log(applied.length === 0 ? `db:migrate: up to date (${ms} ms)` : `db:migrate: applied ${applied.length} (${ms} ms)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
