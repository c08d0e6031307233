import "server-only";
import { ingestPool } from "@/lib/db";
import { queryPlannedOnce, statementName } from "@/lib/db-path";
import { verifyOrderSqlColumns } from "@/lib/orders/outbox/messages";
import type { DeliveryOutcome } from "@/lib/webhooks/payload-schema";

// THE ingest statement: every delivery — a valid order, a rejected body, a replay, the record of a
// delivery that could not be stored — is written by this one SQL text, for a batch of one or
// more deliveries (group-commit.ts batches them). One round trip and one implicit transaction
// (docs/webhook-ingest.md "The statement": an interactive transaction costs two thirds of the
// throughput). Every row starts from the endpoint lookup, so an unknown or revoked token finds no
// endpoint and writes nothing.
//
// Inputs are only ever parameters: $1 a jsonb array of delivery documents (delivery-document.ts),
// $2 their bodies as bytea[], same order. A document selects its endpoint either by `tokenHash`
// (active endpoints only) or by `endpointId` + `storeId` (replays: a since-revoked endpoint still
// replays, another store's never does). A document with `order` records a valid order.created;
// one without records a rejected delivery with its `reason` and `errors`.
//
// Why ON CONFLICT … DO UPDATE (a no-op) rather than DO NOTHING for the order: DO NOTHING returns no
// row on conflict, and a row committed by a concurrent duplicate after this statement's snapshot is
// invisible to any SELECT in the same statement, so the delivery could not be linked to its order.
// DO UPDATE waits for the concurrent insert, locks the row and returns its id; `xmax = 0` is true
// only for a freshly inserted tuple, which tells accepted from duplicate without a second query.
// DO UPDATE may not touch one row twice in a statement, so a batch never holds one order_id twice;
// orders are inserted in key order, so two batches sharing orders lock them in the same order.
//
// ackMs is written inside the statement: the caller's elapsed time just before sending it plus
// the server time up to forming the delivery row. It leaves out the commit flush and the response.
// lastUsedAt is refreshed at most once a minute, so a busy endpoint's row is not a lock hot spot.
//
// The plan must stay a handful of index probes however many stores and endpoints there are: a
// named statement runs a generic plan, which assumes jsonb_array_elements yields 100 rows and
// would rather hash-join against a sequential scan of "Store" or "WebhookEndpoint". So the store
// is read per delivery through a LATERAL subquery, and the two UPDATEs find their rows by
// `id = ANY (ARRAY(…))`, an index condition.

export type StoredDelivery = {
  deliveryId: string;
  storeId: string;
  endpointId: string;
  tokenHash: string;
  outcome: DeliveryOutcome;
  /** Order.id (ours), when linked. */
  orderId: string | null;
};

/**
 * One result row per document whose endpoint was found; `n` is the document's 1-based position,
 * `execMs` the statement's server-side time so far (PostgreSQL's clock; before the commit).
 */
export type StatementRow = StoredDelivery & { n: number; execMs: number };

const MISMATCH_ERRORS = `'[{"path":"store_id","message":"does not match this store''s TribeMade store id"}]'::jsonb`;

export const INGEST_SQL = `
    WITH i AS (
      SELECT t.n::int AS n, t.d, t.d->'order' AS o, ($2::bytea[])[t.n] AS body, gen_random_uuid() AS delivery_id
      FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(d, n)
    ),
    ep AS (
      SELECT i.n, e.id AS endpoint_id, e."storeId" AS store_id, e."tokenHash" AS token_hash,
        coalesce(s."tribemadeStoreId" <> (i.o->>'tribemadeStoreId')::uuid, false) AS mismatch
      FROM i
      CROSS JOIN LATERAL (
        SELECT id, "storeId", "tokenHash" FROM "WebhookEndpoint"
        WHERE "tokenHash" = i.d->>'tokenHash' AND "revokedAt" IS NULL
        UNION ALL
        SELECT id, "storeId", "tokenHash" FROM "WebhookEndpoint"
        WHERE id = (i.d->>'endpointId')::uuid AND "storeId" = (i.d->>'storeId')::uuid
      ) AS e
      CROSS JOIN LATERAL (SELECT "tribemadeStoreId" FROM "Store" WHERE id = e."storeId") AS s
    ),
    ord AS (
      INSERT INTO "Order" ("storeId", "tribemadeOrderId", "customerName", "customerEmail", "customerPhone",
        "customerPincode", "customerAddress", "amount", "quantity", "productId", "placedAt", "payload")
      SELECT ep.store_id, (i.o->>'orderId')::uuid, i.o->>'customerName', i.o->>'customerEmail', i.o->>'customerPhone',
        i.o->>'customerPincode', i.o->>'customerAddress', (i.o->>'amount')::numeric, (i.o->>'quantity')::int,
        i.o->>'productId', (i.o->>'placedAt')::timestamptz, i.d->'payload'
      FROM ep JOIN i ON i.n = ep.n WHERE i.o IS NOT NULL AND NOT ep.mismatch
      ORDER BY ep.store_id, (i.o->>'orderId')::uuid
      ON CONFLICT ("storeId", "tribemadeOrderId") DO UPDATE SET "tribemadeOrderId" = EXCLUDED."tribemadeOrderId"
      RETURNING id, "storeId" AS store_id, "tribemadeOrderId" AS order_uuid, (xmax = 0) AS inserted
    ),
    r AS (
      SELECT i.n, i.d, i.o, i.body, i.delivery_id, ep.endpoint_id, ep.store_id, ep.token_hash,
        ord.id AS order_id, coalesce(ord.inserted, false) AS inserted,
        (CASE WHEN i.o IS NULL OR ep.mismatch THEN 'rejected' WHEN ord.inserted THEN 'accepted' ELSE 'duplicate' END)::"DeliveryOutcome" AS outcome,
        CASE WHEN i.o IS NULL THEN i.d->>'reason' WHEN ep.mismatch THEN 'store_mismatch' END AS reason,
        CASE WHEN i.o IS NULL THEN i.d->'errors' WHEN ep.mismatch THEN ${MISMATCH_ERRORS} END AS errors
      FROM i JOIN ep ON ep.n = i.n
      LEFT JOIN ord ON NOT ep.mismatch AND ord.store_id = ep.store_id AND ord.order_uuid = (i.o->>'orderId')::uuid
    ),
    dlv AS (
      INSERT INTO "WebhookDelivery" ("id", "storeId", "endpointId", "headers", "body", "bodySize", "bodySha256", "outcome",
        "reason", "errors", "warnings", "orderRef", "orderId", "ackMs", "replayOfId")
      SELECT r.delivery_id, r.store_id, r.endpoint_id, r.d->'headers', r.body, (r.d->>'bodySize')::int, r.d->>'bodySha256',
        r.outcome, r.reason, r.errors, r.d->'warnings', r.d->>'orderRef', r.order_id,
        (r.d->>'elapsedMs')::float8 + 1000 * extract(epoch FROM clock_timestamp() - statement_timestamp())::float8,
        (r.d->>'replayOfId')::uuid
      FROM r
    ),
    evt AS (
      INSERT INTO "OrderEvent" ("storeId", "orderId", "type", "actor", "data")
      SELECT r.store_id, r.order_id, CASE WHEN r.inserted THEN 'received' ELSE 'duplicate_received' END, 'TribeMade',
        jsonb_build_object('deliveryId', r.delivery_id, 'replay', r.d ? 'replayOfId')
      FROM r WHERE r.order_id IS NOT NULL
    ),
    obx AS (
      INSERT INTO "OutboxMessage" ("storeId", "kind", "payload", "dedupeKey", "priority")
      SELECT r.store_id, ${verifyOrderSqlColumns("r.order_id", "r.o->>'orderId'")}
      FROM r WHERE r.inserted
      ON CONFLICT ("storeId", "dedupeKey") DO NOTHING
    ),
    touch AS (
      UPDATE "WebhookEndpoint" SET "lastUsedAt" = now()
      WHERE id = ANY (ARRAY(SELECT DISTINCT endpoint_id FROM r))
        AND ("lastUsedAt" IS NULL OR "lastUsedAt" < now() - interval '60 seconds')
    ),
    learn AS (
      UPDATE "Store" SET "tribemadeStoreId" = first.store_uuid, "updatedAt" = now()
      FROM (
        SELECT DISTINCT ON (store_id) store_id, (o->>'tribemadeStoreId')::uuid AS store_uuid
        FROM r WHERE inserted AND o->>'tribemadeStoreId' IS NOT NULL ORDER BY store_id, n
      ) AS first
      WHERE "Store".id = first.store_id AND "Store".id = ANY (ARRAY(SELECT store_id FROM r WHERE inserted))
        AND "Store"."tribemadeStoreId" IS NULL
    )
    SELECT r.n, r.delivery_id AS "deliveryId", r.store_id AS "storeId", r.endpoint_id AS "endpointId",
      r.token_hash AS "tokenHash", r.outcome::text AS outcome, r.order_id AS "orderId",
      1000 * extract(epoch FROM clock_timestamp() - statement_timestamp())::float8 AS "execMs"
    FROM r`;

const INGEST_STATEMENT_NAME = statementName("ingest", INGEST_SQL);

/**
 * Runs the statement for `documents` (a JSON array text) and their bodies; resolves after commit.
 * Planned once per connection where the database path allows it (lib/db-path.ts). `timeoutMs` is a
 * client-side query timeout: past it the connection is dropped and the caller told so (the
 * statement may still commit, which a retry of the delivery then answers as a duplicate).
 */
export async function runIngestStatement(documents: string, bodies: Buffer[], timeoutMs: number): Promise<StatementRow[]> {
  const query = { name: INGEST_STATEMENT_NAME, text: INGEST_SQL, values: [documents, bodies], query_timeout: timeoutMs };
  return (await queryPlannedOnce<StatementRow>(ingestPool, query)).rows;
}
