import "server-only";
import type { PoolClient } from "pg";
import { editProductRow } from "@/lib/products/outbox/messages";
import { lowStockChange } from "@/lib/products/stock/plan";
import type { TribemadeProduct } from "@/lib/tribemade/client/product-schema";

// Every write of a product's state goes through here, inside the caller's transaction: TribeMade's
// fields after a read, the stock after the ledger was applied, and what follows a stock change —
// the low-stock alert (one per crossing, cleared when restocked) and the "hide at 0" rule. The
// low-stock alert is a ProductEvent (`low_stock` / `restocked`, indexed by store, type and time):
// notifications reads those (docs/products.md, "Low stock"); when its row builder exists, the one
// line that enqueues a push or email goes in raiseAlert below, in this same transaction.

export type ProductEventRow = { type: string; actor: string; actorUserId?: string | null; data: Record<string, unknown> };

type Locked = {
  id: string;
  storeId: string;
  tribemadeProductId: string;
  stock: number | null;
  isActive: boolean | null;
  lowStockSince: Date | null;
  hiddenAtZero: boolean;
  threshold: number;
  hideAtZero: boolean;
};

export async function lockProduct(client: PoolClient, productId: string): Promise<Locked | null> {
  const { rows } = await client.query<Locked>(
    `SELECT p.id, p."storeId", p."tribemadeProductId", p.stock, p."isActive", p."lowStockSince", p."hiddenAtZero",
       coalesce(p."lowStockThreshold", s."lowStockThreshold") AS threshold, s."hideAtZero"
     FROM "Product" p JOIN "Store" s ON s.id = p."storeId" WHERE p.id = $1::uuid FOR UPDATE OF p`,
    [productId],
  );
  return rows[0] ?? null;
}

export async function insertEvents(client: PoolClient, product: { id: string; storeId: string }, events: ProductEventRow[]) {
  if (events.length === 0) return;
  await client.query(
    `INSERT INTO "ProductEvent" ("storeId", "productId", type, actor, "actorUserId", data)
     SELECT $1::uuid, $2::uuid, e.type, e.actor, e."actorUserId", e.data
     FROM jsonb_to_recordset($3::jsonb) AS e(type text, actor text, "actorUserId" uuid, data jsonb)`,
    [product.storeId, product.id, JSON.stringify(events.map((e) => ({ ...e, actorUserId: e.actorUserId ?? null })))],
  );
}

/** TribeMade's answer to a read, kept field by field (A2's names mapped) plus the whole answer. */
export async function saveRead(client: PoolClient, product: Locked, read: TribemadeProduct, events: ProductEventRow[]) {
  await client.query(
    `UPDATE "Product" SET name = $2, mrp = $3, "currentPrice" = $4, "shippingCost" = $5, stock = $6, "isActive" = $7,
       variations = $8, sizes = $9, colors = $10, "internalNote" = $11, tribemade = $12::jsonb, "lastReadAt" = now(),
       "goneAt" = NULL, "updatedAt" = now()
     WHERE id = $1::uuid`,
    [
      product.id,
      read.name,
      read.origional_price ?? null,
      read.current_price ?? null,
      read.shipping_cost ?? null,
      read.stock ?? null,
      read.is_active ?? null,
      read.variations ?? [],
      read.size ?? [],
      read.colors ?? [],
      read.internal_note ?? null,
      JSON.stringify(read),
    ],
  );
  await afterStock(client, { ...product, isActive: read.is_active ?? product.isActive }, read.stock ?? null, events);
}

export async function saveStock(client: PoolClient, product: Locked, stock: number, events: ProductEventRow[]) {
  await client.query(`UPDATE "Product" SET stock = $2, "updatedAt" = now() WHERE id = $1::uuid`, [product.id, stock]);
  await afterStock(client, product, stock, events);
}

async function afterStock(client: PoolClient, product: Locked, stock: number | null, events: ProductEventRow[]) {
  const change = lowStockChange({ ...product, stock });
  if (change.alert === "raise") {
    await client.query(`UPDATE "Product" SET "lowStockSince" = now() WHERE id = $1::uuid`, [product.id]);
    events.push({ type: "low_stock", actor: "system", data: { stock, threshold: product.threshold } });
  } else if (change.alert === "clear") {
    await client.query(`UPDATE "Product" SET "lowStockSince" = NULL WHERE id = $1::uuid`, [product.id]);
    events.push({ type: "restocked", actor: "system", data: { stock, threshold: product.threshold } });
  }
  if (change.visibility) await applyVisibilityRule(client, product, change.visibility === "show");
  await insertEvents(client, product, events);
}

/** The "hide at 0" rule: an edit_product message like a person's, due at once, named "rule" on the timeline. */
async function applyVisibilityRule(client: PoolClient, product: Locked, show: boolean) {
  await client.query(`UPDATE "Product" SET "hiddenAtZero" = $2 WHERE id = $1::uuid`, [product.id, !show]);
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO "ProductEvent" ("storeId", "productId", type, actor, data)
     VALUES ($1::uuid, $2::uuid, 'edit_requested', 'Rule: hide at 0', $3::jsonb) RETURNING id::text`,
    [product.storeId, product.id, JSON.stringify({ fields: { is_active: show }, source: "rule" })],
  );
  const row = editProductRow(product.storeId, {
    productId: product.id,
    tribemadeProductId: product.tribemadeProductId,
    fields: { is_active: show },
    requestEventId: rows[0]!.id,
    requestedBy: null,
  });
  await client.query(
    `INSERT INTO "OutboxMessage" ("storeId", kind, payload, "dedupeKey", priority)
     VALUES ($1::uuid, $2::"OutboxKind", $3::jsonb, $4, $5) ON CONFLICT ("storeId", "dedupeKey") DO NOTHING`,
    [row.storeId, row.kind, JSON.stringify(row.payload), row.dedupeKey, row.priority],
  );
}
