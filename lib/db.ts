import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { logger } from "@/lib/http/logger";
import { processSingleton } from "@/lib/process-singleton";

// The connection pools and the one Prisma client. Only data-access modules (queries, mutations,
// outbox, ingest) import them.

/**
 * Every connection of this process says whose it is in pg_stat_activity: one name per process, so
 * an operator (and the pools test, tests/e2e/pools.spec.ts) can count what each process holds.
 */
export const APPLICATION_NAME = `tribedesk ${process.pid}`;

function createPool(options: { max: number; min?: number }): pg.Pool {
  const pool = new pg.Pool({
    connectionString: env.DATABASE_URL,
    application_name: APPLICATION_NAME,
    ...options,
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
    omit: { store: { apiKeyCiphertext: true, fulfillmentSecretCiphertext: true }, user: { passwordHash: true } },
  });
}

/**
 * Webhook ingest's own connections: its two statements in flight (lib/webhooks/ingest/group-commit.ts)
 * and the endpoint lookup. Apart from the main pool, so slow dashboard queries holding every
 * connection there cannot make a webhook wait; two stay open once made, so the ingest statement
 * stays planned (named prepared statements live per connection) and no delivery pays for a new
 * connection after a quiet spell.
 */
const INGEST_POOL = { max: 3, min: 2 };

// One set per process, shared by every bundle and kept across dev reloads (lib/process-singleton.ts).
/**
 * The pool under `db`. Use `db`; plain pg is for the few hot paths where Prisma's per-call CPU
 * cost would dominate (wake-ups, notifications). Same connections either way.
 */
export const pgPool = processSingleton("pgPool", () => createPool({ max: env.DATABASE_POOL_MAX }));
export const ingestPool = processSingleton("ingestPool", () => createPool(INGEST_POOL));
export const db = processSingleton("prisma", () => createClient(pgPool));
