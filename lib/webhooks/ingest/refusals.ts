import "server-only";
import { sha256Hex } from "@/lib/crypto/tokens";
import { pgPool } from "@/lib/db";
import { logger } from "@/lib/http/logger";

// Refused deliveries, counted (docs/webhook-ingest.md, "Refusals are counted"). A delivery answered
// 503 and not stored may be an order the desk never sees: TribeMade documents no retry schedule and
// has no list of orders. Nothing of its body can be kept (it was never read), but when and how many
// can: counts per endpoint and minute, kept here in memory and written by one statement about a
// second after the first refusal, so a flood of refusals costs the database one upsert a second.
// The token's digest finds the endpoint in that statement; a digest no active endpoint has (an
// unknown URL refused at the server's gate before it was looked up) counts nowhere.
//
// Module state per bundle copy is fine here (lib/process-singleton.ts): counts add up in the table.

/** Distinct endpoint-minutes held between writes; a flood of random URLs cannot grow memory past it. */
const MAX_KEYS = 10_000;
const FLUSH_AFTER_MS = 1_000;
const MINUTE_MS = 60_000;

let counts = new Map<string, number>();
let timer: NodeJS.Timeout | undefined;
let flushing: Promise<void> | undefined;

/** Counts one refused delivery for the endpoint whose token digest is `tokenHash`. */
export function countRefusal(tokenHash: string, at: number = Date.now()): void {
  const key = `${tokenHash} ${Math.floor(at / MINUTE_MS) * MINUTE_MS}`;
  const current = counts.get(key);
  if (current === undefined && counts.size >= MAX_KEYS) return;
  counts.set(key, (current ?? 0) + 1);
  timer ??= setTimeout(() => void flushRefusals(), FLUSH_AFTER_MS).unref();
}

/** Counts a refusal for the URL's token (the server's gate has the token, not its digest). */
export function countRefusedToken(token: string): void {
  countRefusal(sha256Hex(token));
}

/**
 * Writes the counts held so far; a failed write keeps them for the next one. Never rejects. The
 * route calls it after answering a refusal (a serverless function may be frozen before a timer fires).
 */
export function flushRefusals(): Promise<void> {
  clearTimeout(timer);
  timer = undefined;
  flushing ??= write().finally(() => (flushing = undefined));
  return flushing;
}

async function write(): Promise<void> {
  if (counts.size === 0) return;
  const taken = counts;
  counts = new Map();
  const hashes: string[] = [];
  const minutes: number[] = [];
  const numbers: number[] = [];
  for (const [key, count] of taken) {
    const [hash = "", minute = "0"] = key.split(" ");
    hashes.push(hash);
    minutes.push(Number(minute));
    numbers.push(count);
  }
  try {
    await pgPool.query(
      `INSERT INTO "WebhookRefusal" ("endpointId", "minute", "storeId", "count")
       SELECT e.id, to_timestamp(r.minute / 1000.0), e."storeId", r.count
       FROM unnest($1::text[], $2::float8[], $3::int[]) AS r(hash, minute, count)
       JOIN "WebhookEndpoint" e ON e."tokenHash" = r.hash AND e."revokedAt" IS NULL
       ON CONFLICT ("endpointId", "minute") DO UPDATE SET "count" = "WebhookRefusal"."count" + EXCLUDED."count"`,
      [hashes, minutes, numbers],
    );
  } catch (error) {
    logger.warn("webhook refusals: counts not written yet", { error });
    for (const [key, count] of taken) {
      if (counts.size >= MAX_KEYS && !counts.has(key)) break;
      counts.set(key, (counts.get(key) ?? 0) + count);
    }
    timer ??= setTimeout(() => void flushRefusals(), FLUSH_AFTER_MS * 5).unref();
  }
}
