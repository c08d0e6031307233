import "server-only";
import { pgPool } from "@/lib/db";
import type { BudgetConfig } from "@/lib/outbox/budget";
import { OFF_TRIBEMADE_SQL, type OutboxKind } from "@/lib/outbox/messages";

// Claiming work: FOR UPDATE SKIP LOCKED, so concurrent drainers never take the same message, and a
// lease, so a drainer that dies only delays its messages. What is never claimed:
//   - messages of a store whose outbox is paused (TribeMade rejected its key) or that has no key,
//     except the kinds that never call TribeMade (forward, notifications: OFF_TRIBEMADE_KINDS);
//   - messages whose rate-limit bucket is blocked or spent for this window (they would only be put
//     back; docs/outbox.md, "Rate budgets");
//   - a status push while an earlier push for the same order (lower version) is pending or
//     running: pushes reach TribeMade in the order they were made, never dispatched before processing.
// Order: priority (pushes, then verification, then refreshes), then due time.

export type ClaimedMessage = {
  id: string;
  storeId: string;
  kind: OutboxKind;
  payload: unknown;
  attempts: number;
  sendUnconfirmed: boolean;
  priority: number;
  availableAt: Date;
};

export async function claimBatch(options: {
  owner: string;
  storeId: string | null;
  limit: number;
  leaseMs: number;
  budget: BudgetConfig;
  /** The store cannot call TribeMade (paused, no key): only its other kinds, found through their index. */
  forwardOnly?: boolean;
}): Promise<ClaimedMessage[]> {
  const { rows } = await pgPool.query<ClaimedMessage>(options.forwardOnly ? CLAIM_FORWARDS_SQL : CLAIM_SQL, [
    options.owner,
    options.storeId,
    options.limit,
    options.leaseMs,
    options.budget.limits.order_get,
    options.budget.limits.order_status,
    options.budget.windowMs,
  ]);
  return rows.sort(
    (a, b) => a.priority - b.priority || a.availableAt.getTime() - b.availableAt.getTime() || Number(BigInt(a.id) - BigInt(b.id)),
  );
}

const claimSql = (only: string) => `
  WITH c AS (
    SELECT m.id FROM "OutboxMessage" m
    JOIN "Store" s ON s.id = m."storeId"
    LEFT JOIN "RateBudget" b ON b."storeId" = m."storeId"
      AND b.bucket = CASE m.kind WHEN 'push_status' THEN 'order_status'
        WHEN 'verify_order' THEN 'order_get' WHEN 'refresh_order' THEN 'order_get' END
    WHERE m.status = 'pending' AND m."availableAt" <= now()
      AND ($2::uuid IS NULL OR m."storeId" = $2::uuid)
      AND (m.kind IN ${OFF_TRIBEMADE_SQL} OR (s."outboxPausedAt" IS NULL AND s."apiKeyCiphertext" IS NOT NULL))${only}
      AND (b."storeId" IS NULL OR NOT (
        coalesce(b."blockedUntil" > now(), false)
        OR (b.used >= CASE b.bucket WHEN 'order_status' THEN $6::int ELSE $5::int END
            AND now() < b."windowStart" + $7 * interval '1 millisecond')))
      AND (m.kind <> 'push_status' OR NOT EXISTS (
        SELECT 1 FROM "OutboxMessage" e
        WHERE e."storeId" = m."storeId" AND e.kind = 'push_status' AND e.status IN ('pending', 'leased')
          AND e.payload->>'orderId' = m.payload->>'orderId'
          AND (e.payload->>'version')::int < (m.payload->>'version')::int))
    ORDER BY m.priority, m."availableAt", m.id
    LIMIT $3
    FOR UPDATE OF m SKIP LOCKED
  )
  UPDATE "OutboxMessage" m
  SET status = 'leased', "leaseUntil" = now() + $4 * interval '1 millisecond', "leaseOwner" = $1::bigint, "updatedAt" = now()
  FROM c WHERE m.id = c.id
  RETURNING m.id::text AS id, m."storeId" AS "storeId", m.kind::text AS kind, m.payload, m.attempts,
    m."sendUnconfirmed" AS "sendUnconfirmed", m.priority, m."availableAt" AS "availableAt"`;

const CLAIM_SQL = claimSql("");
const CLAIM_FORWARDS_SQL = claimSql(`\n      AND m.kind IN ${OFF_TRIBEMADE_SQL}`);

/** Can this store call TribeMade now (a key, not paused)? Store-scoped drains ask before claiming. */
export async function storeCanCall(storeId: string): Promise<boolean> {
  const { rows } = await pgPool.query<{ ok: boolean }>(
    `SELECT "outboxPausedAt" IS NULL AND "apiKeyCiphertext" IS NOT NULL AS ok FROM "Store" WHERE id = $1::uuid`,
    [storeId],
  );
  return rows[0]?.ok ?? false;
}

/**
 * Messages whose drainer died (lease expired) go back to pending, keeping sendUnconfirmed, so the
 * next attempt of a push that may have been sent reads the order first.
 */
export async function releaseExpiredLeases(storeId: string | null): Promise<number> {
  const { rowCount } = await pgPool.query(
    `UPDATE "OutboxMessage" SET status = 'pending', "leaseUntil" = NULL, "leaseOwner" = NULL, "updatedAt" = now()
     WHERE status = 'leased' AND "leaseUntil" < now() AND ($1::uuid IS NULL OR "storeId" = $1::uuid)`,
    [storeId],
  );
  return rowCount ?? 0;
}

/** A drain's fencing token: the next DrainRun id, reserved without writing a row. */
export async function reserveRunId(): Promise<string> {
  const { rows } = await pgPool.query<{ id: string }>(`SELECT nextval(pg_get_serial_sequence('"DrainRun"', 'id'))::text AS id`);
  return rows[0]!.id;
}
