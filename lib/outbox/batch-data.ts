import "server-only";
import { pgPool } from "@/lib/db";
import type { DrainTrigger, OrderRow, StoreRow } from "@/lib/outbox/drain-types";
import { kindsOfBucket, type Bucket } from "@/lib/outbox/messages";

// The reads and small writes around a batch: the stores and orders its messages need (one query
// each), the pre-send mark of status pushes, and the DrainRun record.

export async function loadStores(storeIds: string[]): Promise<Map<string, StoreRow>> {
  const { rows } = await pgPool.query<StoreRow>(
    `SELECT id, "apiKeyCiphertext", "fulfillmentUrl", "fulfillmentSecretCiphertext", "stockKeeper"::text AS "stockKeeper"
     FROM "Store" WHERE id = ANY($1::uuid[])`,
    [storeIds],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

export async function loadOrders(orderIds: string[], storeIds: string[]): Promise<Map<string, OrderRow>> {
  if (orderIds.length === 0) return new Map();
  const [orders, pushes] = await Promise.all([
    pgPool.query<Omit<OrderRow, "hasPendingPush">>(
      `SELECT o.id, o."storeId", o."tribemadeOrderId", o.status::text AS status, o."customerName", o."customerEmail",
         o."customerPhone", o."customerPincode", o.amount::text AS amount, o.quantity, o."productId", o."productName",
         o."productImage", o."trackingUrl", o.rating, o.review, o.verification::text AS verification, o.version
       FROM "Order" o WHERE o.id = ANY($1::uuid[])`,
      [orderIds],
    ),
    // One read of the stores' waiting pushes (usually a handful), not one per order.
    pgPool.query<{ orderId: string }>(
      `SELECT DISTINCT payload->>'orderId' AS "orderId" FROM "OutboxMessage"
       WHERE "storeId" = ANY($1::uuid[]) AND kind = 'push_status' AND status IN ('pending', 'leased')`,
      [storeIds],
    ),
  ]);
  const waiting = new Set(pushes.rows.map((row) => row.orderId));
  return new Map(orders.rows.map((row) => [row.id, { ...row, hasPendingPush: waiting.has(row.id) }]));
}

/** Committed before the PUT leaves: if the answer is lost, the next attempt reads the order first. */
export async function markSendUnconfirmed(owner: string, messageIds: string[]): Promise<void> {
  if (messageIds.length === 0) return;
  await pgPool.query(
    `UPDATE "OutboxMessage" SET "sendUnconfirmed" = true WHERE id = ANY($1::bigint[]) AND "leaseOwner" = $2::bigint`,
    [messageIds, owner],
  );
}

export type RunTotals = { claimed: number; done: number; retried: number; dead: number; scheduled: number; purged: number };

export async function recordRun(
  runId: string,
  run: { trigger: DrainTrigger; storeId: string | null; startedAt: Date; ms: number } & RunTotals,
): Promise<void> {
  await pgPool.query(
    `INSERT INTO "DrainRun" (id, trigger, "storeId", "startedAt", "finishedAt", ms, claimed, done, retried, dead, scheduled, purged)
     VALUES ($1::bigint, $2, $3::uuid, $4, now(), $5, $6, $7, $8, $9, $10, $11)`,
    [
      runId,
      run.trigger,
      run.storeId,
      run.startedAt,
      run.ms,
      run.claimed,
      run.done,
      run.retried,
      run.dead,
      run.scheduled,
      run.purged,
    ],
  );
}

/** Due, unclaimed work of a store's spent bucket waits for the window (a push that may be sent stays). */
export async function deferBucket(storeId: string, bucket: Bucket, until: Date): Promise<void> {
  const kinds = kindsOfBucket(bucket);
  await pgPool.query(
    `UPDATE "OutboxMessage" SET "availableAt" = $3
     WHERE "storeId" = $1::uuid AND status = 'pending' AND kind::text = ANY($2::text[]) AND "availableAt" <= now()
       AND NOT (kind = 'push_status' AND "sendUnconfirmed")`,
    [storeId, kinds, until],
  );
}
