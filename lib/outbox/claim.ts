import "server-only";
import { randomUUID } from "node:crypto";
import { pgPool } from "@/lib/db";
import { queryPlannedOnce, statementName } from "@/lib/db-path";
import type { BudgetConfig } from "@/lib/outbox/budget";
import { BUCKET_OF, OUTBOX_KINDS, type OutboxKind } from "@/lib/outbox/messages";

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
// The cost follows the work a claim can take, never the number of stores or a backlog that cannot
// move (issue 27): the statement walks the queue's (store, kind, priority) lanes by a loose index
// scan (one probe per lane, however many rows it holds, each giving the lane's oldest due time),
// keeps the lanes that are due and may run now (not paused, a key, budget left), stops after a
// batch's worth of them, and reads each kept lane in due order, at most one batch per lane. The
// all-stores walk starts after a cursor the drain moves on with each claim (a random one for its
// first), so 2,000 stores with work cost what a batch of them costs, and every store gets its turn
// within a pass (docs/outbox.md, "Claims").

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

export type ClaimOptions = {
  owner: string;
  /** One store's work (a drain a request or a wake-up started), or every store's (the listener, cron). */
  storeId: string | null;
  /** Where the all-stores claim's walk begins: just after this store (nextCursor of the last batch; random if none). */
  after?: string;
  limit: number;
  leaseMs: number;
  budget: BudgetConfig;
};

export async function claimBatch(options: ClaimOptions): Promise<ClaimedMessage[]> {
  const { rows } = await queryPlannedOnce<ClaimedMessage>(pgPool, claimQuery(options));
  return rows.sort(
    (a, b) => a.priority - b.priority || a.availableAt.getTime() - b.availableAt.getTime() || Number(BigInt(a.id) - BigInt(b.id)),
  );
}

/** The claim as a named query (the benchmark times exactly this on a client of its own). */
export function claimQuery(options: ClaimOptions): { name: string; text: string; values: unknown[] } {
  return {
    name: options.storeId === null ? CLAIM_ALL_NAME : CLAIM_STORE_NAME,
    text: claimStatement(options.storeId),
    values: [
      ...dueParameters(options.storeId ?? options.after ?? randomUUID(), options.limit, options.budget),
      options.owner,
      options.leaseMs,
    ],
  };
}

/**
 * The due part's parameters: $1 the store (the all-stores claim: its cursor), $2 the batch, $3 and
 * $4 the budget; the claim adds $5 owner, $6 lease.
 */
export function dueParameters(storeOrCursor: string, limit: number, budget: BudgetConfig): unknown[] {
  return [storeOrCursor, limit, JSON.stringify(budget.limits), budget.windowMs];
}

/**
 * The next all-stores claim's cursor: the last store this batch served in walk order (the stores
 * after the cursor, then those the walk reached after wrapping to the start), so the next walk
 * begins with the store after it.
 */
export function nextCursor(after: string, batch: ClaimedMessage[]): string {
  const stores = batch.map((message) => message.storeId);
  const wrapped = stores.filter((store) => store <= after);
  return (wrapped.length > 0 ? wrapped : stores).sort().at(-1) ?? after;
}

/** The claim statement (all stores when `storeId` is null); its parameters are dueParameters' then the owner and the lease (ms). */
export function claimStatement(storeId: string | null): string {
  return storeId === null ? CLAIM_ALL_SQL : CLAIM_STORE_SQL;
}

/**
 * Claims running at the same instant pick from the same head of each lane and skip each other's
 * locked rows: each lane offers this many batches' worth, so up to this many concurrent claimers
 * (two per drain, a drain per instance) all fill their batches.
 */
const CONCURRENT_CLAIMS = 4;

/** The first lane at `position` or after it, with its oldest message's due time. */
const laneProbe = (position: string) => `
  SELECT m."storeId", m.kind, m.priority, m."availableAt" FROM "OutboxMessage" m
  WHERE m.status = 'pending' AND ${position}
  ORDER BY m."storeId", m.kind, m.priority, m."availableAt" LIMIT 1`;

/**
 * Every (store, kind, priority) lane from `start` on, in index order, one probe each, while the lane
 * is `within` the walk's range. The range is checked on each lane found, not in the probe: with a
 * condition on "storeId" beside the row comparison, the index search starts from the condition and
 * reads the whole store instead of jumping to the next lane.
 */
const walk = (name: string, start: string, within: string) => `
  ${name} AS (
    (${laneProbe(start)})
    UNION ALL
    SELECT n.* FROM ${name} w
    CROSS JOIN LATERAL (${laneProbe(`(m."storeId", m.kind, m.priority) > (w."storeId", w.kind, w.priority)`)}) n
    WHERE ${within.replaceAll("m.", "n.")}
  )`;

// The all-stores walk: the stores after the cursor ($1), then from the start up to it. The
// store-scoped one: that store's ($1) lanes.
const ALL_STORES_WALK = `${walk("after_cursor", `m."storeId" > $1::uuid`, "true")},
  ${walk("up_to_cursor", `m."storeId" <= $1::uuid`, `m."storeId" <= $1::uuid`)},
  walked AS (SELECT * FROM after_cursor UNION ALL SELECT * FROM up_to_cursor)`;
const ONE_STORE_WALK = walk("walked", `m."storeId" = $1::uuid`, `m."storeId" = $1::uuid`);

/** Each kind with its bucket, from the outbox's table (lib/outbox/messages.ts): constant SQL text. */
const KIND_BUCKETS = OUTBOX_KINDS.map((kind) => {
  const bucket = BUCKET_OF[kind];
  return `('${kind}'::"OutboxKind", ${bucket ? `'${bucket}'` : "NULL"})`;
}).join(", ");

/**
 * A batch's worth of lanes that are due and may run now, then their due messages with each one's
 * turn in its store; at most a batch per lane. The lane checks are correlated subqueries so the walk
 * stops as soon as enough lanes are found (a join could read the whole walk first).
 */
const dueSql = (walked: string) => `
  WITH RECURSIVE ${walked},
  lanes AS (
    SELECT w."storeId", w.kind, w.priority FROM walked w
    WHERE w."availableAt" <= now() AND EXISTS (
      -- Kinds without a TribeMade bucket (forward: the merchant's own system) run for any store.
      SELECT 1 FROM (VALUES ${KIND_BUCKETS}) AS k(kind, bucket)
      JOIN "Store" s ON s.id = w."storeId"
      LEFT JOIN "RateBudget" b ON b."storeId" = w."storeId" AND b.bucket = k.bucket
      WHERE k.kind = w.kind
        AND (k.bucket IS NULL OR (s."outboxPausedAt" IS NULL AND s."apiKeyCiphertext" IS NOT NULL))
        AND (b."storeId" IS NULL OR NOT (
          coalesce(b."blockedUntil" > now(), false)
          OR (b.used >= ($3::jsonb->>b.bucket)::int
              AND now() < b."windowStart" + $4 * interval '1 millisecond'))))
    LIMIT $2
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

/** Each lane's due messages in due order, at most one batch per lane. */
const LANE_READS = `
    SELECT x.* FROM lanes l
    CROSS JOIN LATERAL (
      SELECT m.id, m."storeId", m.priority, m."availableAt" FROM "OutboxMessage" m
      WHERE m.status = 'pending' AND m."storeId" = l."storeId" AND m.kind = l.kind AND m.priority = l.priority
        AND m."availableAt" <= now()
        AND (m.kind <> 'push_status'${PUSHES_IN_ORDER.replace("AND NOT EXISTS", "OR NOT EXISTS")})
      -- Index order alone: an id tie-break would sort each lane (ties within a millisecond are rare and harmless).
      ORDER BY m."availableAt"
      LIMIT $2 * ${CONCURRENT_CLAIMS}
    ) x`;

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
  SET status = 'leased', "leaseUntil" = now() + $6 * interval '1 millisecond', "leaseOwner" = $5::bigint, "updatedAt" = now()
  FROM c WHERE m.id = c.id
  RETURNING m.id::text AS id, m."storeId" AS "storeId", m.kind::text AS kind, m.payload, m.attempts,
    m."sendUnconfirmed" AS "sendUnconfirmed", m.priority, m."availableAt" AS "availableAt"`;

const CLAIM_ALL_SQL = claimSql(ALL_STORES_WALK);
const CLAIM_STORE_SQL = claimSql(ONE_STORE_WALK);
// Planned once per connection where the database path allows (lib/db-path.ts): planning the claim
// cost ~1.5 ms of its ~7, and its generic plan reads what the custom one does (the lanes it reads
// come from the walk, so no estimate can send it down a backlog; tests/fixtures/claim-plans.ts).
const CLAIM_ALL_NAME = statementName("claim_all", CLAIM_ALL_SQL);
const CLAIM_STORE_NAME = statementName("claim_store", CLAIM_STORE_SQL);
const ANY_CLAIMABLE_LANES = 100;
const ANY_CLAIMABLE_SQL = `SELECT EXISTS (${dueSql(ALL_STORES_WALK)} SELECT 1 FROM due) AS any`;

/**
 * Would an all-stores claim find work now? The same walk as a claim of a batch (a lane it keeps
 * may still offer nothing: pushes waiting on an earlier push in flight), nothing locked.
 */
export async function anyClaimable(budget: BudgetConfig): Promise<boolean> {
  const { rows } = await pgPool.query<{ any: boolean }>(
    ANY_CLAIMABLE_SQL,
    dueParameters(randomUUID(), ANY_CLAIMABLE_LANES, budget),
  );
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
