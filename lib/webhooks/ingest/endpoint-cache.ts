import "server-only";
import { ingestPool } from "@/lib/db";

// Is there an active endpoint for this token digest? Asked before the body is read, so a URL that
// leads nowhere (unknown, revoked, a scanner's guess) costs neither a body read nor a place in the
// group-commit queue, and, while cached, not even a query.
//
// Correctness never rests on the cache: the ingest statement looks the endpoint up again (active
// only) and writes nothing for a revoked one. So a revoked URL stops writing the moment it is
// revoked; for up to TTL_MS this process may still read its body before answering 404, then
// answers from the cache. A negative entry expires after TTL_MS too, so a URL cannot stay "unknown"
// longer than that (a new endpoint's token is random: nobody can have probed it before).

const TTL_MS = 5_000;
/** Distinct digests remembered; the oldest go first. A scanner's random tokens just cycle through. */
const MAX_ENTRIES = 10_000;
/** Lookups sent at once; past this a miss is answered "busy" (503) rather than queueing on the pool. */
const MAX_LOOKUPS = 8;
const LOOKUP_TIMEOUT_MS = 1_000;

export type EndpointLookup = "active" | "unknown" | "busy";

type Entry = { active: boolean; expires: number };
const entries = new Map<string, Entry>();
const pending = new Map<string, Promise<boolean>>();

export async function lookupEndpoint(tokenHash: string, now = performance.now()): Promise<EndpointLookup> {
  const entry = entries.get(tokenHash);
  if (entry && entry.expires > now) return entry.active ? "active" : "unknown";
  // A known-active endpoint past its TTL is refreshed in the background: the statement re-checks
  // anyway, and its deliveries should not wait for the refresh.
  if (entry?.active) {
    void refresh(tokenHash).catch(() => entries.delete(tokenHash));
    return "active";
  }
  if (!pending.has(tokenHash) && pending.size >= MAX_LOOKUPS) return "busy";
  return (await refresh(tokenHash)) ? "active" : "unknown";
}

function refresh(tokenHash: string): Promise<boolean> {
  let lookup = pending.get(tokenHash);
  if (!lookup) {
    lookup = query(tokenHash).finally(() => pending.delete(tokenHash));
    pending.set(tokenHash, lookup);
  }
  return lookup;
}

async function query(tokenHash: string): Promise<boolean> {
  // query_timeout: pg's client-side timeout (missing from @types/pg's QueryConfig).
  const lookup = {
    text: `SELECT 1 FROM "WebhookEndpoint" WHERE "tokenHash" = $1 AND "revokedAt" IS NULL`,
    values: [tokenHash],
    query_timeout: LOOKUP_TIMEOUT_MS,
  };
  const { rowCount } = await ingestPool.query(lookup);
  const active = (rowCount ?? 0) > 0;
  entries.delete(tokenHash);
  entries.set(tokenHash, { active, expires: performance.now() + TTL_MS });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  return active;
}
