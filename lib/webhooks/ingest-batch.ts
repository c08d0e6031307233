import "server-only";
import { pgPool } from "@/lib/db";
import { isDatabaseUnavailable } from "@/lib/db-errors";
import type { OrderFields } from "@/lib/webhooks/classify";
import {
  ACK_MS,
  named,
  orderInputJson,
  storeOrderDelivery,
  type DeliveryRecord,
  type StoredDelivery,
} from "@/lib/webhooks/ingest-sql";

// Group commit for valid deliveries that arrive together. Measured here, a database round trip
// costs the app's one JavaScript thread ~0.4–0.5 ms under load, and PostgreSQL a statement's fixed
// costs (protocol, executor start, commit, WAL flush) on top of its per-row work. So while
// MAX_IN_FLIGHT statements are already running, new deliveries wait for the next free slot and go
// together as one statement; every caller still gets its answer only after that statement
// commits. Nothing waits on a timer: when a slot is free a delivery goes at once, so at low load
// every delivery is its own statement and latency is unchanged.
//
// The queue is per process and holds nothing but callers awaiting their commit: no correctness
// rests on it (the unique key does that), so any number of instances may batch side by side.
//
// One batch never holds the same order_id twice: ON CONFLICT DO UPDATE may not touch one row twice
// in a statement. A repeat waits for the next batch (and then answers duplicate). Orders are
// inserted sorted by key, so two batches that share orders lock them in the same order and cannot
// deadlock. If a batch fails for any reason but an unreachable database, each of its deliveries is
// retried alone, so one bad delivery cannot fail the others.

/** Statements in flight per process; a pool of 10 keeps room for everything else. */
const MAX_IN_FLIGHT = 2;
/** Bounds one statement's size (and its parameter arrays). */
const MAX_BATCH = 64;

type Job = {
  key: string;
  /** The input document, built when its statement is sent, so ackMs includes the wait for a slot. */
  item: () => string;
  body: Buffer;
  alone: () => Promise<StoredDelivery | null>;
  resolve: (stored: StoredDelivery | null) => void;
  reject: (error: unknown) => void;
};

const queue: Job[] = [];
let inFlight = 0;

/**
 * Records a valid order.created that arrived through a token; resolves after commit.
 * `startedAt` (performance.now() at the request's arrival) dates record.elapsedMs at send time.
 */
export function submitOrderDelivery(
  tokenHash: string,
  record: DeliveryRecord,
  order: OrderFields,
  payloadJson: string,
  startedAt: number,
): Promise<StoredDelivery | null> {
  const sentNow = (): DeliveryRecord => ({ ...record, elapsedMs: performance.now() - startedAt });
  return new Promise((resolve, reject) => {
    queue.push({
      key: order.orderId,
      item: () => orderInputJson(sentNow(), order, payloadJson, `,"tokenHash":${JSON.stringify(tokenHash)}`),
      body: Buffer.from(record.body.buffer, record.body.byteOffset, record.body.byteLength),
      alone: () => storeOrderDelivery({ kind: "token", tokenHash }, sentNow(), order, payloadJson),
      resolve,
      reject,
    });
    pump();
  });
}

function pump(): void {
  while (inFlight < MAX_IN_FLIGHT && queue.length > 0) {
    const batch = takeBatch();
    inFlight++;
    void run(batch).finally(() => {
      inFlight--;
      pump();
    });
  }
}

/** Up to MAX_BATCH jobs in arrival order, skipping (for now) any order_id already taken. */
function takeBatch(): Job[] {
  const keys = new Set<string>();
  const batch: Job[] = [];
  for (let index = 0; index < queue.length && batch.length < MAX_BATCH;) {
    const job = queue[index] as Job;
    if (keys.has(job.key)) {
      index++;
      continue;
    }
    keys.add(job.key);
    batch.push(job);
    queue.splice(index, 1);
  }
  return batch;
}

type BatchRow = StoredDelivery & { n: number };

async function run(batch: Job[]): Promise<void> {
  if (batch.length === 1) return settleAlone(batch[0] as Job);
  try {
    const { rows } = await pgPool.query<BatchRow>({
      ...BATCH_STATEMENT,
      values: [`[${batch.map((job) => job.item()).join(",")}]`, batch.map((job) => job.body)],
    });
    const byIndex = new Map(rows.map(({ n, ...stored }) => [n, stored]));
    batch.forEach((job, index) => job.resolve(byIndex.get(index + 1) ?? null));
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      for (const job of batch) job.reject(error);
      return;
    }
    await Promise.all(batch.map(settleAlone));
  }
}

function settleAlone(job: Job): Promise<void> {
  return job.alone().then(job.resolve, job.reject);
}

// $1: a jsonb array of input documents (each with its tokenHash), $2: their bodies, same order.
// Delivery ids are drawn up front so each result row can be matched to its caller.
const BATCH_STATEMENT = named(
  "ingest_order_batch",
  `
    WITH i AS (
      SELECT t.n::int AS n, t.d, t.d->'order' AS o, ($2::bytea[])[t.n] AS body, gen_random_uuid() AS delivery_id
      FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(d, n)
    ),
    ep AS (
      SELECT i.n, e.id AS endpoint_id, e."storeId" AS store_id, e."tokenHash" AS token_hash,
        coalesce(s."tribemadeStoreId" <> (i.o->>'tribemadeStoreId')::uuid, false) AS mismatch
      FROM i JOIN "WebhookEndpoint" e ON e."tokenHash" = i.d->>'tokenHash' AND e."revokedAt" IS NULL
      JOIN "Store" s ON s.id = e."storeId"
    ),
    ord AS (
      INSERT INTO "Order" ("storeId", "tribemadeOrderId", "customerName", "customerEmail", "customerPhone",
        "customerPincode", "customerAddress", "amount", "quantity", "productId", "placedAt", "payload")
      SELECT ep.store_id, (i.o->>'orderId')::uuid, i.o->>'customerName', i.o->>'customerEmail', i.o->>'customerPhone',
        i.o->>'customerPincode', i.o->>'customerAddress', (i.o->>'amount')::numeric, (i.o->>'quantity')::int,
        i.o->>'productId', (i.o->>'placedAt')::timestamptz, i.d->'payload'
      FROM ep JOIN i ON i.n = ep.n WHERE NOT ep.mismatch
      ORDER BY ep.store_id, (i.o->>'orderId')::uuid
      ON CONFLICT ("storeId", "tribemadeOrderId") DO UPDATE SET "tribemadeOrderId" = EXCLUDED."tribemadeOrderId"
      RETURNING id, "storeId" AS store_id, "tribemadeOrderId" AS order_uuid, (xmax = 0) AS inserted
    ),
    r AS (
      SELECT i.n, i.d, i.o, i.body, i.delivery_id, ep.endpoint_id, ep.store_id, ep.token_hash, ep.mismatch,
        ord.id AS order_id, coalesce(ord.inserted, false) AS inserted,
        (CASE WHEN ep.mismatch THEN 'rejected' WHEN ord.inserted THEN 'accepted' ELSE 'duplicate' END)::"DeliveryOutcome" AS outcome
      FROM i JOIN ep ON ep.n = i.n
      LEFT JOIN ord ON NOT ep.mismatch AND ord.store_id = ep.store_id AND ord.order_uuid = (i.o->>'orderId')::uuid
    ),
    dlv AS (
      INSERT INTO "WebhookDelivery" ("id", "storeId", "endpointId", "headers", "body", "bodySize", "bodySha256", "outcome",
        "reason", "errors", "warnings", "orderRef", "orderId", "ackMs")
      SELECT r.delivery_id, r.store_id, r.endpoint_id, r.d->'headers', r.body, (r.d->>'bodySize')::int, r.d->>'bodySha256',
        r.outcome, CASE WHEN r.mismatch THEN 'store_mismatch' END,
        CASE WHEN r.mismatch
          THEN '[{"path":"store_id","message":"does not match this store''s TribeMade store id"}]'::jsonb END,
        r.d->'warnings', r.d->>'orderRef', r.order_id, ${ACK_MS.replaceAll("i.d", "r.d")}
      FROM r
    ),
    evt AS (
      INSERT INTO "OrderEvent" ("storeId", "orderId", "type", "actor", "data")
      SELECT r.store_id, r.order_id, CASE WHEN r.inserted THEN 'received' ELSE 'duplicate_received' END, 'TribeMade',
        jsonb_build_object('deliveryId', r.delivery_id, 'replay', false)
      FROM r WHERE r.order_id IS NOT NULL
    ),
    obx AS (
      INSERT INTO "OutboxMessage" ("storeId", "kind", "payload", "dedupeKey", "priority")
      SELECT r.store_id, 'verify_order', jsonb_build_object('orderId', r.order_id, 'tribemadeOrderId', r.o->>'orderId'),
        'verify:' || (r.o->>'orderId'), 1
      FROM r WHERE r.inserted
      ON CONFLICT ("storeId", "dedupeKey") DO NOTHING
    ),
    touch AS (
      UPDATE "WebhookEndpoint" SET "lastUsedAt" = now()
      WHERE id IN (SELECT endpoint_id FROM r)
        AND ("lastUsedAt" IS NULL OR "lastUsedAt" < now() - interval '60 seconds')
    ),
    learn AS (
      UPDATE "Store" SET "tribemadeStoreId" = first.store_uuid, "updatedAt" = now()
      FROM (
        SELECT DISTINCT ON (store_id) store_id, (o->>'tribemadeStoreId')::uuid AS store_uuid
        FROM r WHERE inserted AND o->>'tribemadeStoreId' IS NOT NULL ORDER BY store_id, n
      ) AS first
      WHERE "Store".id = first.store_id AND "Store"."tribemadeStoreId" IS NULL
    )
    SELECT r.n, r.delivery_id AS "deliveryId", r.store_id AS "storeId", r.endpoint_id AS "endpointId",
      r.token_hash AS "tokenHash", r.outcome::text AS outcome, r.order_id AS "orderId"
    FROM r`,
);
