import "server-only";
import { createHash } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// The one Prisma client. Only data-access modules (queries, mutations, outbox) import it.

function createClient() {
  const adapter = new PrismaPg(
    {
      connectionString: env.DATABASE_URL,
      max: env.DATABASE_POOL_MAX,
      // pg waits forever for a free connection by default; a webhook must fail fast (503) well
      // inside TribeMade's 5 s timeout instead.
      connectionTimeoutMillis: 2_000,
      idleTimeoutMillis: 30_000,
    },
    { statementNameGenerator: preparedStatementName },
  );
  return new PrismaClient({
    adapter,
    omit: { store: { apiKeyCiphertext: true }, user: { passwordHash: true } },
  });
}

/** Raw SQL that starts with this comment is prepared once per connection and reused. */
export const PREPARED = "/* prepared */";

// Planning a large statement can cost more than running it (the webhook ingest statement: ~1 ms
// to plan), so hot-path raw statements opt in to being prepared. The name is the text's hash: pg
// refuses one name for two texts, and each text is prepared once per connection. Everything else
// stays unnamed (pg's default). Poolers in transaction mode need prepared-statement support for
// this (PgBouncer >= 1.21 with max_prepared_statements, as Neon runs it).
function preparedStatementName(query: { sql: string }): string {
  if (!query.sql.startsWith(PREPARED)) return "";
  return `p_${createHash("sha1").update(query.sql).digest("hex")}`;
}

const globalForPrisma = globalThis as unknown as { prisma?: ReturnType<typeof createClient> };

// Hot reload re-evaluates modules; keep one pool per process.
export const db = globalForPrisma.prisma ?? createClient();
if (env.NODE_ENV !== "production") globalForPrisma.prisma = db;
