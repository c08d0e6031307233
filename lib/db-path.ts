import "server-only";
import { createHash } from "node:crypto";
import type { Pool, QueryResult, QueryResultRow } from "pg";
import { transactionPoolerShape } from "@/lib/db-url";
import { env } from "@/lib/env";
import { logger } from "@/lib/http/logger";

// How this process reaches PostgreSQL, for the few things that depend on it (docs/database-path.md):
// - named prepared statements (the ingest statement, the outbox claim) are used only on a path that keeps them:
//   DATABASE_PREPARED_STATEMENTS=on always, off never, auto (default) unless DATABASE_URL has a
//   known pooler's shape or Postgres has said "prepared statement … does not exist / already
//   exists" once (a pooler that hands our connection's statements to other server connections);
// - LISTEN (lib/pg-listen.ts) needs a session, so not through a transaction pooler.
// Per process: each instance finds out for itself, at the cost of one retried statement.

export type DatabasePath = {
  path: "direct" | "pooled";
  /** Why the path counts as pooled, when it does. */
  pooledBecause: string | null;
  preparedStatements: "named" | "unnamed";
  setting: "auto" | "on" | "off";
};

const setting = env.DATABASE_PREPARED_STATEMENTS;
const state = (() => {
  const pooledBecause = transactionPoolerShape(env.DATABASE_URL);
  return { pooledBecause, named: setting === "on" || (setting === "auto" && pooledBecause === null) };
})();
const listeners = new Set<() => void>();

export function databasePath(): DatabasePath {
  return {
    path: state.pooledBecause ? "pooled" : "direct",
    pooledBecause: state.pooledBecause,
    preparedStatements: state.named ? "named" : "unnamed",
    setting,
  };
}

/** Whether hot paths may use named prepared statements now. */
export function namedStatementsAllowed(): boolean {
  return state.named;
}

// 26000 invalid_sql_statement_name ("prepared statement … does not exist"), 42P05
// duplicate_prepared_statement ("… already exists"). Both come from Parse/Bind, before anything
// executes, so the statement can be sent again unnamed.
const LOST_STATEMENT_CODES = new Set(["26000", "42P05"]);

/**
 * For a query sent as a named prepared statement that failed: true when the failure means the
 * statement was lost to a transaction pooler and the query should be retried at once, unnamed
 * (in `auto`, which from now on sends every statement unnamed). False for any other error, and
 * always with DATABASE_PREPARED_STATEMENTS=on.
 */
export function preparedStatementLost(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (setting !== "auto" || typeof code !== "string" || !LOST_STATEMENT_CODES.has(code)) return false;
  if (state.named) {
    state.named = false;
    state.pooledBecause ??= "named prepared statements were lost between transactions (a transaction pooler)";
    logger.warn("database: a transaction pooler dropped a prepared statement; using unnamed statements from now on", {
      code,
    });
    for (const listener of listeners) listener();
  }
  return true;
}

/**
 * A name for `text` as a prepared statement: pg prepares a name once per connection and refuses one
 * name for two texts, so the name carries the text's hash (a hot reload with edited SQL gets a fresh one).
 */
export function statementName(prefix: string, text: string): string {
  return `${prefix}_${createHash("sha256").update(text).digest("hex").slice(0, 12)}`;
}

/**
 * `query` as a named prepared statement (planned once per connection) where the database path keeps
 * them; else, or the moment a transaction pooler loses one, unnamed: both Parse/Bind errors come
 * before anything executes, so the retry cannot run the statement twice.
 */
export async function queryPlannedOnce<Row extends QueryResultRow>(
  pool: Pool,
  query: { name: string; text: string; values: unknown[]; query_timeout?: number },
): Promise<QueryResult<Row>> {
  const { name, ...unnamed } = query;
  if (namedStatementsAllowed()) {
    try {
      return await pool.query<Row>({ ...unnamed, name });
    } catch (error) {
      if (!preparedStatementLost(error)) throw error;
    }
  }
  return pool.query<Row>(unnamed);
}

/** Calls `listener` once, when this process finds out at run time that it talks to a transaction pooler. */
export function onTransactionPoolerFound(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
