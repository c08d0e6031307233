import "server-only";
import { pgPool } from "@/lib/db";
import type { BudgetConfig } from "@/lib/outbox/budget";
import { BUCKET_OF, OUTBOX_KINDS, PRIORITY, type OutboxKind } from "@/lib/outbox/messages";

// Claiming work: FOR UPDATE SKIP LOCKED, so concurrent drainers never take the same message, and a
// lease, so a drainer that dies only delays its messages. What is never claimed:
//   - messages of a store whose outbox is paused (TribeMade rejected its key) or that has no key,
//     except forward, which calls the merchant's own system;
//   - messages whose rate-limit bucket is blocked or spent for this window (they would only be put
//     back; docs/outbox.md, "Rate budgets");
//   - a status push while an earlier push for the same order (lower version) is pending or
//     running: pushes reach TribeMade in the order they were made, never dispatched before processing.
// Within a store: priority (pushes, then verification, then refreshes), then due time. Across
// stores: round robin (every store's first message, then every store's second…), so one store's
// backlog delays another store's work by at most one batch (docs/outbox.md, "Claims").
//
// The cost follows the stores with work due, never a backlog that cannot move (issue 27): the
// statement finds those stores by a loose index scan (one probe per store however many rows it
// holds), drops the (store, kind) lanes that may not run now (paused, no key, budget spent) before
// reading any message, and reads each remaining (store, kind, priority) lane in due order from the
// index ("status", "storeId", kind, priority, "availableAt"), at most one batch per lane.

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

const PRIORITIES = [...new Set(Object.values(PRIORITY))];

export async function claimBatch(options: {
  owner: string;
  /** One store's work (a drain a request or a wake-up started), or every store's (the listener, cron). */
  storeId: string | null;
  limit: number;
  leaseMs: number;
  budget: BudgetConfig;
}): Promise<ClaimedMessage[]> {
  const { rows } = await pgPool.query<ClaimedMessage>(claimStatement(options.storeId), [
    ...dueParameters(options.storeId, options.limit, options.budget),
    options.owner,
    options.leaseMs,
  ]);
  return rows.sort(
    (a, b) => a.priority - b.priority || a.availableAt.getTime() - b.availableAt.getTime() || Number(BigInt(a.id) - BigInt(b.id)),
  );
}

/** The due part's parameters: $1 store (or null) … $5 priorities; the claim adds $6 owner, $7 lease. */
export function dueParameters(storeId: string | null, limit: number, budget: BudgetConfig): unknown[] {
  return [storeId, limit, JSON.stringify(budget.limits), budget.windowMs, PRIORITIES];
}

/** The claim statement; its parameters are dueParameters' then the owner and the lease (ms). */
export function claimStatement(storeId: string | null): string {
  return storeId === null ? CLAIM_ALL_SQL : CLAIM_STORE_SQL;
}

/**
 * Claims running at the same instant pick from the same head of each lane and skip each other's
 * locked rows: each lane offers this many batches' worth, so up to this many concurrent claimers
 * (two per drain, a drain per instance) all fill their batches.
 */
const CONCURRENT_CLAIMS = 4;

/** Each kind with its bucket, from the outbox's table (lib/outbox/messages.ts): constant SQL text. */
const KIND_BUCKETS = OUTBOX_KINDS.map((kind) => {
  const bucket = BUCKET_OF[kind];
  return `('${kind}'::"OutboxKind", ${bucket ? `'${bucket}'` : "NULL"})`;
}).join(", ");

/** Stores with a message due, one index probe each (a loose index scan over "storeId"). */
const DUE_STORES = `
  due_stores AS (
    WITH RECURSIVE walk AS (
      (SELECT m."storeId" FROM "OutboxMessage" m
        WHERE m.status = 'pending' AND m."availableAt" <= now() ORDER BY m."storeId" LIMIT 1)
      UNION ALL
      SELECT (SELECT m."storeId" FROM "OutboxMessage" m
               WHERE m.status = 'pending' AND m."availableAt" <= now() AND m."storeId" > walk."storeId"
               ORDER BY m."storeId" LIMIT 1)
      FROM walk WHERE walk."storeId" IS NOT NULL
    )
    -- $1 is the store-scoped statement's; both take one parameter list.
    SELECT "storeId" FROM walk WHERE "storeId" IS NOT NULL AND $1::uuid IS NULL
  )`;

const ONE_STORE = `
  due_stores AS (SELECT $1::uuid AS "storeId")`;

/** The due messages of the lanes that may run now, each with its store's turn; a batch per lane at most. */
const dueSql = (stores: string) => `
  WITH ${stores},
  lanes AS (
    -- Kinds without a TribeMade bucket (forward: the merchant's own system) run for any store.
    SELECT d."storeId", k.kind
    FROM due_stores d
    JOIN "Store" s ON s.id = d."storeId"
    CROSS JOIN (VALUES ${KIND_BUCKETS}) AS k(kind, bucket)
    LEFT JOIN "RateBudget" b ON b."storeId" = d."storeId" AND b.bucket = k.bucket
    WHERE (k.bucket IS NULL OR (s."outboxPausedAt" IS NULL AND s."apiKeyCiphertext" IS NOT NULL))
      AND (b."storeId" IS NULL OR NOT (
        coalesce(b."blockedUntil" > now(), false)
        OR (b.used >= ($3::jsonb->>b.bucket)::int
            AND now() < b."windowStart" + $4 * interval '1 millisecond')))
  ),
  due AS (
    SELECT d.id, d.priority, d."availableAt",
      row_number() OVER (PARTITION BY d."storeId" ORDER BY d.priority, d."availableAt", d.id) AS turn
    FROM (${LANE_READS}) d
  )`;

/** A status push waits while an earlier push of the same order (a lower version) is pending or running. */
const PUSHES_IN_ORDER = `
        AND NOT EXISTS (
          SELECT 1 FROM "OutboxMessage" e
          WHERE e."storeId" = m."storeId" AND e.kind = 'push_status' AND e.status IN ('pending', 'leased')
            AND e.payload->>'orderId' = m.payload->>'orderId'
            AND (e.payload->>'version')::int < (m.payload->>'version')::int)`;

/**
 * Each lane's due messages in due order, at most one batch per lane. One read per kind with the
 * kind written as a constant, so the planner weighs each lane by that kind's own statistics: with
 * the kind a join parameter it assumed every lane as full as the average and, in a store holding
 * most of the queue, read empty lanes through the (status, priority, availableAt) index, filtering
 * the whole backlog for each (150–500 ms a claim with 100,000 due; docs/outbox.md, "Claims").
 */
const LANE_READS = OUTBOX_KINDS.map(
  (kind) => `
    SELECT x.* FROM lanes l
    CROSS JOIN unnest($5::int[]) AS p(priority)
    CROSS JOIN LATERAL (
      SELECT m.id, m."storeId", m.priority, m."availableAt" FROM "OutboxMessage" m
      WHERE m.status = 'pending' AND m."storeId" = l."storeId" AND m.kind = '${kind}' AND m.priority = p.priority
        AND m."availableAt" <= now()${kind === "push_status" ? PUSHES_IN_ORDER : ""}
      -- Index order alone: an id tie-break would sort each lane (ties within a millisecond are rare and harmless).
      ORDER BY m."availableAt"
      LIMIT $2 * ${CONCURRENT_CLAIMS}
    ) x
    WHERE l.kind = '${kind}'`,
).join("\n    UNION ALL");

const claimSql = (stores: string) => `${dueSql(stores)},
  picked AS (
    -- A bounded list (it also keeps the planner on primary-key lookups below, not a table scan).
    SELECT id, turn, priority, "availableAt" FROM due ORDER BY turn, priority, "availableAt", id LIMIT $2 * ${CONCURRENT_CLAIMS}
  ),
  c AS (
    SELECT m.id FROM picked p JOIN "OutboxMessage" m ON m.id = p.id
    WHERE m.status = 'pending'
    ORDER BY p.turn, p.priority, p."availableAt", p.id
    LIMIT $2
    FOR UPDATE OF m SKIP LOCKED
  )
  UPDATE "OutboxMessage" m
  SET status = 'leased', "leaseUntil" = now() + $7 * interval '1 millisecond', "leaseOwner" = $6::bigint, "updatedAt" = now()
  FROM c WHERE m.id = c.id
  RETURNING m.id::text AS id, m."storeId" AS "storeId", m.kind::text AS kind, m.payload, m.attempts,
    m."sendUnconfirmed" AS "sendUnconfirmed", m.priority, m."availableAt" AS "availableAt"`;

const CLAIM_ALL_SQL = claimSql(DUE_STORES);
const CLAIM_STORE_SQL = claimSql(ONE_STORE);
const ANY_CLAIMABLE_SQL = `SELECT EXISTS (${dueSql(DUE_STORES)} SELECT 1 FROM due) AS any`;

/** Would an all-stores claim find work now? The same lanes as the claim, nothing locked. */
export async function anyClaimable(budget: BudgetConfig): Promise<boolean> {
  const { rows } = await pgPool.query<{ any: boolean }>(ANY_CLAIMABLE_SQL, dueParameters(null, 1, budget));
  return rows[0]?.any ?? false;
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
