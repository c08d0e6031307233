import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

// The one Prisma client. Only data-access modules (queries, mutations, outbox) import it.

function createClient() {
  const adapter = new PrismaPg({
    connectionString: env.DATABASE_URL,
    max: env.DATABASE_POOL_MAX,
    // pg waits forever for a free connection by default; a webhook must fail fast (503) well
    // inside TribeMade's 5 s timeout instead.
    connectionTimeoutMillis: 2_000,
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({
    adapter,
    omit: { store: { apiKeyCiphertext: true }, user: { passwordHash: true } },
  });
}

const globalForPrisma = globalThis as unknown as { prisma?: ReturnType<typeof createClient> };

// Hot reload re-evaluates modules; keep one pool per process.
export const db = globalForPrisma.prisma ?? createClient();
if (env.NODE_ENV !== "production") globalForPrisma.prisma = db;
