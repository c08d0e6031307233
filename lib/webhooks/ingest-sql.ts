import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrderFields } from "@/lib/webhooks/classify";
import type { DeliveryOutcome, FieldIssue } from "@/lib/webhooks/schemas";

// The ingest hot path: each delivery is ONE SQL statement, so one round trip and one implicit
// transaction (environment.md: an interactive Prisma transaction reaches ~25% of a bare route's
// throughput, one raw statement ~75–80%). Every statement starts from the endpoint lookup, so an
// unknown or revoked token returns no row and writes nothing.
//
// Why ON CONFLICT … DO UPDATE (a no-op) rather than DO NOTHING for the order: DO NOTHING returns no
// row on conflict, and a row committed by a concurrent duplicate after this statement's snapshot is
// invisible to any SELECT in the same statement, so the delivery could not be linked to its order.
// DO UPDATE waits for the concurrent insert, locks the row and returns its id; `xmax = 0` is true only
// for a freshly inserted tuple, which tells accepted from duplicate without a second query.
//
// ackMs is written inside the statement: the caller's elapsed time just before sending it plus the
// server time spent up to forming the delivery row (clock_timestamp() - statement_timestamp()). It
// leaves out only the commit flush and the response write (well under 1 ms here).

/** lastUsedAt is refreshed at most this often, so a busy endpoint's row is not a lock hot spot. */
const LAST_USED_GRANULARITY = "60 seconds";

export type EndpointSelector =
  | { kind: "token"; tokenHash: string }
  /** Replays: the merchant chose the delivery, so a since-revoked endpoint still replays. */
  | { kind: "endpoint"; endpointId: string; storeId: string };

export type StoredDelivery = {
  deliveryId: string;
  storeId: string;
  endpointId: string;
  tokenHash: string;
  outcome: DeliveryOutcome;
  /** Order.id (ours), when linked. */
  orderId: string | null;
};

export type DeliveryRecord = {
  headers: Record<string, string>;
  body: Uint8Array;
  bodySha256: string;
  warnings: string[];
  orderRef: string | null;
  /** Milliseconds since the request started, measured just before the statement is sent. */
  elapsedMs: number;
  replayOfId: string | null;
};

type Row = {
  deliveryId: string;
  storeId: string;
  endpointId: string;
  tokenHash: string;
  outcome: DeliveryOutcome;
  orderId: string | null;
};

function endpointWhere(selector: EndpointSelector): Prisma.Sql {
  return selector.kind === "token"
    ? Prisma.sql`e."tokenHash" = ${selector.tokenHash} AND e."revokedAt" IS NULL`
    : Prisma.sql`e.id = ${selector.endpointId}::uuid AND e."storeId" = ${selector.storeId}::uuid`;
}

const ackMsSql = (elapsedMs: number) =>
  Prisma.sql`(${elapsedMs}::float8 + 1000 * extract(epoch FROM clock_timestamp() - statement_timestamp())::float8)`;

/** A valid order.created: delivery + order (idempotent) + event + outbox message, atomically. */
export async function storeOrderDelivery(
  selector: EndpointSelector,
  record: DeliveryRecord,
  order: OrderFields,
  payloadJson: string,
): Promise<StoredDelivery | null> {
  const mismatchErrors = JSON.stringify([
    { path: "store_id", message: "does not match this store's TribeMade store id" },
  ] satisfies FieldIssue[]);
  const storeId = order.tribemadeStoreId;
  const rows = await db.$queryRaw<Row[]>`
    WITH ep AS (
      SELECT e.id AS endpoint_id, e."storeId" AS store_id, e."tokenHash" AS token_hash,
             (${storeId}::uuid IS NOT NULL AND s."tribemadeStoreId" IS NOT NULL
               AND s."tribemadeStoreId" <> ${storeId}::uuid) AS mismatch
      FROM "WebhookEndpoint" e JOIN "Store" s ON s.id = e."storeId"
      WHERE ${endpointWhere(selector)}
    ),
    ord AS (
      INSERT INTO "Order" ("storeId", "tribemadeOrderId", "customerName", "customerEmail", "customerPhone",
        "customerPincode", "customerAddress", "amount", "quantity", "productId", "placedAt", "payload")
      SELECT store_id, ${order.orderId}::uuid, ${order.customerName}, ${order.customerEmail}, ${order.customerPhone},
        ${order.customerPincode}, ${order.customerAddress}::text, ${order.amount}::numeric, ${order.quantity}::int,
        ${order.productId}::text, ${order.placedAt?.toISOString() ?? null}::timestamptz, ${payloadJson}::jsonb
      FROM ep WHERE NOT mismatch
      ON CONFLICT ("storeId", "tribemadeOrderId") DO UPDATE SET "tribemadeOrderId" = EXCLUDED."tribemadeOrderId"
      RETURNING id, "storeId" AS store_id, (xmax = 0) AS inserted
    ),
    dlv AS (
      INSERT INTO "WebhookDelivery" ("storeId", "endpointId", "headers", "body", "bodySize", "bodySha256", "outcome",
        "reason", "errors", "warnings", "orderRef", "orderId", "ackMs", "replayOfId")
      SELECT ep.store_id, ep.endpoint_id, ${JSON.stringify(record.headers)}::jsonb, ${record.body},
        ${record.body.byteLength}::int, ${record.bodySha256},
        (CASE WHEN ep.mismatch THEN 'rejected' WHEN ord.inserted THEN 'accepted' ELSE 'duplicate' END)::"DeliveryOutcome",
        CASE WHEN ep.mismatch THEN 'store_mismatch' END,
        CASE WHEN ep.mismatch THEN ${mismatchErrors}::jsonb END,
        ${warningsJson(record.warnings)}::jsonb, ${record.orderRef}::text, ord.id,
        ${ackMsSql(record.elapsedMs)}, ${record.replayOfId}::uuid
      FROM ep LEFT JOIN ord ON true
      RETURNING id, outcome, "orderId"
    ),
    evt AS (
      INSERT INTO "OrderEvent" ("storeId", "orderId", "type", "actor", "data")
      SELECT ord.store_id, ord.id, CASE WHEN ord.inserted THEN 'received' ELSE 'duplicate_received' END, 'TribeMade',
        jsonb_build_object('deliveryId', dlv.id, 'replay', ${record.replayOfId}::uuid IS NOT NULL)
      FROM ord CROSS JOIN dlv
    ),
    obx AS (
      INSERT INTO "OutboxMessage" ("storeId", "kind", "payload", "dedupeKey", "priority")
      SELECT ord.store_id, 'verify_order', jsonb_build_object('orderId', ord.id, 'tribemadeOrderId', ${order.orderId}::text),
        ${`verify:${order.orderId}`}, 1
      FROM ord WHERE ord.inserted
      ON CONFLICT ("storeId", "dedupeKey") DO NOTHING
    ),
    touch AS (
      UPDATE "WebhookEndpoint" SET "lastUsedAt" = now()
      WHERE id = (SELECT endpoint_id FROM ep)
        AND ("lastUsedAt" IS NULL OR "lastUsedAt" < now() - ${LAST_USED_GRANULARITY}::interval)
    ),
    learn AS (
      UPDATE "Store" SET "tribemadeStoreId" = ${storeId}::uuid, "updatedAt" = now()
      WHERE id = (SELECT store_id FROM ord WHERE inserted)
        AND "tribemadeStoreId" IS NULL AND ${storeId}::uuid IS NOT NULL
    )
    SELECT dlv.id AS "deliveryId", ep.store_id AS "storeId", ep.endpoint_id AS "endpointId",
      ep.token_hash AS "tokenHash", dlv.outcome::text AS outcome, dlv."orderId" AS "orderId"
    FROM dlv CROSS JOIN ep`;
  return rows[0] ?? null;
}

/** A delivery rejected before any business write: the delivery row alone (plus lastUsedAt). */
export async function storeRejectedDelivery(
  selector: EndpointSelector,
  record: DeliveryRecord,
  reason: string,
  errors: FieldIssue[],
): Promise<StoredDelivery | null> {
  const rows = await db.$queryRaw<Row[]>`
    WITH ep AS (
      SELECT e.id AS endpoint_id, e."storeId" AS store_id, e."tokenHash" AS token_hash
      FROM "WebhookEndpoint" e
      WHERE ${endpointWhere(selector)}
    ),
    dlv AS (
      INSERT INTO "WebhookDelivery" ("storeId", "endpointId", "headers", "body", "bodySize", "bodySha256", "outcome",
        "reason", "errors", "warnings", "orderRef", "ackMs", "replayOfId")
      SELECT store_id, endpoint_id, ${JSON.stringify(record.headers)}::jsonb, ${record.body},
        ${record.body.byteLength}::int, ${record.bodySha256}, 'rejected', ${reason}, ${JSON.stringify(errors)}::jsonb,
        ${warningsJson(record.warnings)}::jsonb, ${record.orderRef}::text, ${ackMsSql(record.elapsedMs)},
        ${record.replayOfId}::uuid
      FROM ep
      RETURNING id, outcome, "orderId"
    ),
    touch AS (
      UPDATE "WebhookEndpoint" SET "lastUsedAt" = now()
      WHERE id = (SELECT endpoint_id FROM ep)
        AND ("lastUsedAt" IS NULL OR "lastUsedAt" < now() - ${LAST_USED_GRANULARITY}::interval)
    )
    SELECT dlv.id AS "deliveryId", ep.store_id AS "storeId", ep.endpoint_id AS "endpointId",
      ep.token_hash AS "tokenHash", dlv.outcome::text AS outcome, dlv."orderId" AS "orderId"
    FROM dlv CROSS JOIN ep`;
  return rows[0] ?? null;
}

function warningsJson(warnings: string[]): string | null {
  return warnings.length > 0 ? JSON.stringify(warnings) : null;
}
