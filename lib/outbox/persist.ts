import "server-only";
import { pgPool } from "@/lib/db";
import type { AttemptRecord, EventRecord, OrderSet } from "@/lib/outbox/drain-types";
import type { OutboxRow } from "@/lib/outbox/messages";

// Writes a whole batch's outcome in ONE statement: the messages' new state, the calls made, the
// order events, the order columns, follow-up messages, and paused stores. One statement is one
// transaction and one round trip (an interactive transaction per message would cap the drain at a
// few hundred messages a second; docs/benchmarks.md). Everything about a message is written only if
// the message is still leased by this run: a drainer that lost its lease cannot undo another's work.
// The calls themselves (OutboxAttempt) are recorded either way, because they happened.

export type FinalMessage = {
  id: string;
  status: "pending" | "done" | "dead";
  availableAt: Date | null;
  countsAttempt: boolean;
  lastError: string | null;
  lastAttemptAt: Date | null;
  sendUnconfirmed: boolean | null;
};

export type BatchWrite = {
  messages: FinalMessage[];
  attempts: AttemptRecord[];
  events: (EventRecord & { storeId: string; messageId: string })[];
  /** One per order: several messages of one batch may touch the same order (merged by the caller). */
  patches: { orderId: string; storeId: string; messageIds: string[]; version: number; set: OrderSet }[];
  enqueue: (OutboxRow & { messageId: string })[];
  pauses: { storeId: string; reason: string }[];
};

export async function writeBatch(owner: string, runId: string, batch: BatchWrite): Promise<string[]> {
  const { rows } = await pgPool.query<{ id: string }>(WRITE_SQL, [
    owner,
    JSON.stringify(batch.messages),
    JSON.stringify(batch.attempts.map((attempt) => ({ ...attempt, drainRunId: runId }))),
    JSON.stringify(batch.events),
    JSON.stringify(batch.patches),
    JSON.stringify(batch.enqueue),
    JSON.stringify(batch.pauses),
  ]);
  return rows.map((row) => row.id);
}

// Order columns: a key present in `set` replaces the column. Status and tracking URL follow
// TribeMade only while the order is at the version the handler read and no push for it is waiting
// (a person's newer choice wins); "synced" only while the order is at the pushed version (no later click).
// Caveat kept on purpose: this statement's snapshot cannot see a push committed while it waited for
// the order's row lock; the version checks (every status click bumps it) cover that case.
const WRITE_SQL = `
  WITH m_in AS (
    SELECT * FROM jsonb_to_recordset($2::jsonb) AS r(id bigint, status text, "availableAt" timestamptz,
      "countsAttempt" boolean, "lastError" text, "lastAttemptAt" timestamptz, "sendUnconfirmed" boolean)
  ), msg AS (
    UPDATE "OutboxMessage" m SET
      status = r.status::"OutboxStatus",
      "availableAt" = coalesce(r."availableAt", m."availableAt"),
      attempts = m.attempts + CASE WHEN r."countsAttempt" THEN 1 ELSE 0 END,
      "lastError" = CASE WHEN r.status = 'done' THEN NULL ELSE coalesce(r."lastError", m."lastError") END,
      "lastAttemptAt" = coalesce(r."lastAttemptAt", m."lastAttemptAt"),
      "sendUnconfirmed" = coalesce(r."sendUnconfirmed", m."sendUnconfirmed"),
      "leaseUntil" = NULL, "leaseOwner" = NULL,
      "doneAt" = CASE WHEN r.status IN ('done', 'dead') THEN now() ELSE NULL END,
      "updatedAt" = now()
    FROM m_in r
    WHERE m.id = r.id AND m.status = 'leased' AND m."leaseOwner" = $1::bigint
    RETURNING m.id
  ), att AS (
    INSERT INTO "OutboxAttempt" ("messageId", "storeId", "orderId", kind, "drainRunId", "startedAt", method, path,
      "httpStatus", "latencyMs", "rateLimit", outcome, error)
    SELECT a."messageId", a."storeId", (SELECT o.id FROM "Order" o WHERE o.id = a."orderId"), a.kind::"OutboxKind",
      a."drainRunId", a."startedAt", a.method, a.path, a."httpStatus", a."latencyMs", a."rateLimit", a.outcome, a.error
    FROM jsonb_to_recordset($3::jsonb) AS a("messageId" bigint, "storeId" uuid, "orderId" uuid, kind text, "drainRunId" bigint,
      "startedAt" timestamptz, method text, path text, "httpStatus" int, "latencyMs" int, "rateLimit" jsonb, outcome text, error text)
  ), evt AS (
    INSERT INTO "OrderEvent" ("storeId", "orderId", type, actor, data)
    SELECT e."storeId", e."orderId", e.type, e.actor, e.data
    FROM jsonb_to_recordset($4::jsonb) AS e("storeId" uuid, "orderId" uuid, "messageId" bigint, type text, actor text, data jsonb)
    WHERE e."messageId" IN (SELECT id FROM msg) AND EXISTS (SELECT 1 FROM "Order" o WHERE o.id = e."orderId")
  ), p_raw AS (
    SELECT p."orderId", p."storeId", p.version, p.set,
      ARRAY(SELECT jsonb_array_elements_text(p."messageIds")::bigint) AS ids
    FROM jsonb_to_recordset($5::jsonb) AS p("orderId" uuid, "storeId" uuid, "messageIds" jsonb, version int, set jsonb)
  ), pushes AS (
    SELECT x.id, x.payload->>'orderId' AS order_id FROM "OutboxMessage" x
    WHERE x."storeId" IN (SELECT "storeId" FROM p_raw) AND x.kind = 'push_status' AND x.status IN ('pending', 'leased')
  ), p_in AS (
    SELECT p.*, EXISTS (
        SELECT 1 FROM pushes x WHERE x.order_id = p."orderId"::text AND x.id <> ALL (p.ids)
      ) AS pending_push
    FROM p_raw p
    WHERE EXISTS (SELECT 1 FROM msg WHERE msg.id = ANY (p.ids))
  ), ord AS (
    UPDATE "Order" o SET
      tribemade = CASE WHEN p.set ? 'tribemade' THEN p.set->'tribemade' ELSE o.tribemade END,
      "productName" = CASE WHEN p.set ? 'productName' THEN p.set->>'productName' ELSE o."productName" END,
      "productImage" = CASE WHEN p.set ? 'productImage' THEN p.set->>'productImage' ELSE o."productImage" END,
      rating = CASE WHEN p.set ? 'rating' THEN (p.set->>'rating')::int ELSE o.rating END,
      review = CASE WHEN p.set ? 'review' THEN p.set->>'review' ELSE o.review END,
      status = CASE WHEN p.set ? 'status' AND o.version = p.version AND NOT p.pending_push
        THEN (p.set->>'status')::"OrderStatus" ELSE o.status END,
      "trackingUrl" = CASE WHEN p.set ? 'trackingUrl' AND o.version = p.version AND NOT p.pending_push
        THEN p.set->>'trackingUrl' ELSE o."trackingUrl" END,
      verification = CASE WHEN p.set ? 'verification' THEN (p.set->>'verification')::"Verification" ELSE o.verification END,
      "verificationDiff" = CASE WHEN p.set ? 'verificationDiff' THEN nullif(p.set->'verificationDiff', 'null'::jsonb)
        ELSE o."verificationDiff" END,
      "verifiedAt" = CASE WHEN p.set ? 'verifiedAt' THEN (p.set->>'verifiedAt')::timestamptz ELSE o."verifiedAt" END,
      "lastRefreshedAt" = CASE WHEN p.set ? 'lastRefreshedAt' THEN (p.set->>'lastRefreshedAt')::timestamptz ELSE o."lastRefreshedAt" END,
      sync = CASE WHEN p.set->>'sync' = 'failed' THEN 'failed'::"SyncState"
        WHEN p.set->>'sync' = 'synced' AND o.version = (p.set->>'syncVersion')::int THEN 'synced'::"SyncState" ELSE o.sync END,
      "syncError" = CASE WHEN p.set->>'sync' = 'failed' THEN p.set->>'syncError'
        WHEN p.set->>'sync' = 'synced' AND o.version = (p.set->>'syncVersion')::int THEN NULL ELSE o."syncError" END,
      "updatedAt" = now()
    FROM p_in p
    WHERE o.id = p."orderId"
    RETURNING o.id
  ), enq AS (
    INSERT INTO "OutboxMessage" ("storeId", kind, payload, "dedupeKey", priority, "availableAt")
    SELECT q."storeId", q.kind::"OutboxKind", q.payload, q."dedupeKey", q.priority, coalesce(q."availableAt", now())
    FROM jsonb_to_recordset($6::jsonb) AS q("storeId" uuid, kind text, payload jsonb, "dedupeKey" text, priority int,
      "availableAt" timestamptz, "messageId" bigint)
    WHERE q."messageId" IN (SELECT id FROM msg)
    ON CONFLICT ("storeId", "dedupeKey") DO NOTHING
  ), pause AS (
    UPDATE "Store" s SET "outboxPausedAt" = now(), "outboxPausedReason" = x.reason
    FROM jsonb_to_recordset($7::jsonb) AS x("storeId" uuid, reason text)
    WHERE s.id = x."storeId" AND s."outboxPausedAt" IS NULL
  )
  SELECT id::text AS id FROM msg`;
