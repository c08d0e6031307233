import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/http/logger";

// The one connection pool and the one Prisma client on top of it. Only data-access modules
// (queries, mutations, outbox) import them.

function createPool(): pg.Pool {
  const pool = new pg.Pool({
    connectionString: env.DATABASE_URL,
    max: env.DATABASE_POOL_MAX,
    // pg waits forever for a free connection by default; a webhook must fail fast (503) well
    // inside TribeMade's 5 s timeout instead.
    connectionTimeoutMillis: 2_000,
    idleTimeoutMillis: 30_000,
  });
  // A server-side disconnect of an idle connection is emitted here; unheard, it would end the process.
  pool.on("error", (error) => logger.warn("database pool: idle connection lost", { error }));
  return pool;
}

function createClient(pool: pg.Pool) {
  return new PrismaClient({
    adapter: new PrismaPg(pool),
    omit: { store: { apiKeyCiphertext: true }, user: { passwordHash: true } },
  });
}

const globalForPrisma = globalThis as unknown as { prisma?: ReturnType<typeof createClient>; pgPool?: pg.Pool };

// Hot reload re-evaluates modules; keep one pool per process.
/**
 * The pool under `db`. Use `db`; plain pg is for the few hot paths where Prisma's per-call CPU
 * cost would dominate (webhook ingest: lib/webhooks/ingest/statement.ts). Same connections either way.
 */
export const pgPool = globalForPrisma.pgPool ?? createPool();
export const db = globalForPrisma.prisma ?? createClient(pgPool);
if (env.NODE_ENV !== "production") {
  globalForPrisma.pgPool = pgPool;
  globalForPrisma.prisma = db;
}
