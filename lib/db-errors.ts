// Which errors mean "the database is unreachable right now" rather than "this statement is wrong":
// routes and webhook ingest answer those 503 (TribeMade retries), server actions say "try again
// shortly", and a failed ingest batch is not retried row by row. Next to lib/db.ts because it is
// about that connection; free of imports so unit tests can load it.

// Node socket errors, PostgreSQL shutdown/too-many-connections SQLSTATEs, and Prisma's
// "can't reach database server" / "timed out" (P1001, P1002, P2024).
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "57P01",
  "57P03",
  "53300",
  "P1001",
  "P1002",
  "P2024",
]);

/** Connection refused, pool acquire timeout, server shutting down or out of connections. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error; current instanceof Error; current = current.cause) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && UNAVAILABLE_CODES.has(code)) return true;
    if (/timeout exceeded when trying to connect|Connection terminated|connect ECONNREFUSED/i.test(current.message)) return true;
  }
  return false;
}
