// Which PostgreSQL URLs are known transaction poolers, by their shape alone. Transaction poolers
// hand each transaction to any server connection, so nothing may outlive a transaction: named
// prepared statements (unless the pooler tracks them: PgBouncer ≥ 1.21 with
// max_prepared_statements), session advisory locks, SET, LISTEN. No I/O; used by the app
// (lib/db-path.ts) and by scripts (db:migrate refuses such a URL).

/** Why `url` looks like a transaction pooler, or null when nothing says so. */
export function transactionPoolerShape(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  // Prisma's convention for PgBouncer, also used in Supabase's documented URLs.
  if (parsed.searchParams.get("pgbouncer") === "true") return "pgbouncer=true in the URL";
  // Supabase: port 6543 is the transaction-mode pooler (5432 on the pooler host is session mode).
  if (parsed.port === "6543") return "port 6543 (Supabase's transaction pooler)";
  // Neon: the pooled endpoint's host is the compute's name with -pooler, e.g. ep-x-123-pooler.eu-central-1.aws.neon.tech.
  if (/^[^.]+-pooler\./i.test(parsed.hostname)) return "a -pooler host (Neon's pooled connection)";
  return null;
}
