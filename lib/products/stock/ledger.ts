import "server-only";
import { pgPool } from "@/lib/db";
import type { LedgerEntry } from "@/lib/products/stock/plan";

// The stock ledger's rows (StockLedger) and the per-product lease that lets one outbox message at a
// time apply them. A row is recorded once per (order, product, change) — the unique index — so a
// message that comes twice, or is queued again after the queue's history was purged, records
// nothing new; rows move pending → sending (committed before the PUT leaves) → applied | skipped |
// failed, and only the lease holder moves them.

export type OpenEntry = LedgerEntry & {
  state: "pending" | "sending";
  stockBefore: number | null;
  stockAfter: number | null;
  orderId: string | null;
  actor: string;
  actorUserId: string | null;
};

/** The product's row, created from the order if TribeMade has not been read for it yet. */
export async function ensureProduct(
  storeId: string,
  tribemadeProductId: string,
  fromOrder: { name: string | null; image: string | null },
): Promise<string> {
  const { rows } = await pgPool.query<{ id: string }>(
    `WITH ins AS (
       INSERT INTO "Product" ("storeId", "tribemadeProductId", name, image) VALUES ($1::uuid, $2, $3, $4)
       ON CONFLICT ("storeId", "tribemadeProductId") DO NOTHING RETURNING id
     )
     SELECT id::text FROM ins UNION ALL
     SELECT id::text FROM "Product" WHERE "storeId" = $1::uuid AND "tribemadeProductId" = $2`,
    [storeId, tribemadeProductId, fromOrder.name ?? "Unnamed product", fromOrder.image],
  );
  return rows[0]!.id;
}

/**
 * Records an order's sale or restock, if it applies: a sale for an order that is not cancelled; a
 * restock only for an order that is cancelled now (an undone cancel restocks nothing) and whose
 * sale was recorded (a store that kept no stock when the order came in has nothing to give back).
 */
export async function recordOrderEntry(
  storeId: string,
  productId: string,
  entry: { orderId: string; change: "sale" | "restock"; quantity: number },
): Promise<void> {
  await pgPool.query(
    `INSERT INTO "StockLedger" ("storeId", "productId", "orderId", change, quantity, actor)
     SELECT $1::uuid, $2::uuid, o.id, $4, $5, CASE WHEN $4 = 'sale' THEN 'Order' ELSE 'Cancellation' END
     FROM "Order" o
     WHERE o.id = $3::uuid AND o."storeId" = $1::uuid
       AND CASE WHEN $4 = 'sale' THEN o.status <> 'cancelled'
         ELSE o.status = 'cancelled' AND EXISTS (
           SELECT 1 FROM "StockLedger" l WHERE l."orderId" = o.id AND l."productId" = $2::uuid AND l.change = 'sale'
             AND l.state IN ('pending', 'sending', 'applied'))
       END
     ON CONFLICT ("orderId", "productId", change) DO NOTHING`,
    [storeId, productId, entry.orderId, entry.change, entry.quantity],
  );
}

/** Takes the product's ledger lease for this message (or finds it taken by another). */
export async function takeLease(productId: string, messageId: string, leaseMs: number): Promise<boolean> {
  const { rowCount } = await pgPool.query(
    `UPDATE "Product" SET "stockLeaseOwner" = $2::bigint, "stockLeaseUntil" = now() + $3 * interval '1 millisecond'
     WHERE id = $1::uuid AND ("stockLeaseOwner" IS NULL OR "stockLeaseUntil" < now() OR "stockLeaseOwner" = $2::bigint)`,
    [productId, messageId, leaseMs],
  );
  return (rowCount ?? 0) > 0;
}

export async function releaseLease(productId: string, messageId: string): Promise<void> {
  await pgPool.query(
    `UPDATE "Product" SET "stockLeaseOwner" = NULL, "stockLeaseUntil" = NULL WHERE id = $1::uuid AND "stockLeaseOwner" = $2::bigint`,
    [productId, messageId],
  );
}

export async function openEntries(productId: string): Promise<OpenEntry[]> {
  const { rows } = await pgPool.query<OpenEntry>(
    `SELECT id::text, change, quantity, state, "stockBefore", "stockAfter", "orderId"::text AS "orderId", actor,
       "actorUserId"::text AS "actorUserId"
     FROM "StockLedger" WHERE "productId" = $1::uuid AND state IN ('pending', 'sending') ORDER BY id`,
    [productId],
  );
  return rows;
}

/** Committed before the PUT leaves: if its answer is lost, the next holder reads and compares first. */
export async function markSending(
  productId: string,
  messageId: string,
  steps: { id: string; before: number; after: number; clamped: boolean }[],
): Promise<boolean> {
  const { rowCount } = await pgPool.query(
    `UPDATE "StockLedger" l SET state = 'sending', "stockBefore" = s.before, "stockAfter" = s.after, clamped = s.clamped
     FROM jsonb_to_recordset($3::jsonb) AS s(id bigint, before int, after int, clamped boolean)
     WHERE l.id = s.id AND l."productId" = $1::uuid AND l.state = 'pending'
       AND EXISTS (SELECT 1 FROM "Product" p WHERE p.id = $1::uuid AND p."stockLeaseOwner" = $2::bigint AND p."stockLeaseUntil" > now())`,
    [productId, messageId, JSON.stringify(steps)],
  );
  return rowCount === steps.length;
}

/** Ends rows (applied, skipped, failed) or puts them back to pending; `steps` may set their before/after. */
export async function settleEntries(
  client: { query: typeof pgPool.query },
  ids: string[],
  state: "applied" | "skipped" | "failed" | "pending",
  note: string | null,
  steps: { id: string; before: number; after: number; clamped: boolean }[] = [],
): Promise<void> {
  if (ids.length === 0) return;
  await client.query(
    `UPDATE "StockLedger" l SET state = $2, note = coalesce($3, l.note),
       "appliedAt" = CASE WHEN $2 = 'applied' THEN now() ELSE l."appliedAt" END,
       "stockBefore" = coalesce(s.before, l."stockBefore"), "stockAfter" = coalesce(s.after, l."stockAfter"),
       clamped = coalesce(s.clamped, l.clamped)
     FROM unnest($1::bigint[]) AS x(id)
     LEFT JOIN jsonb_to_recordset($4::jsonb) AS s(id bigint, before int, after int, clamped boolean) ON s.id = x.id
     WHERE l.id = x.id`,
    [ids, state, note, JSON.stringify(steps)],
  );
}
