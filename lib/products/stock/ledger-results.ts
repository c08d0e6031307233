import "server-only";
import { settleEntries, type OpenEntry } from "@/lib/products/stock/ledger";
import type { PlannedStep } from "@/lib/products/stock/plan";
import { inPgTransaction } from "@/lib/products/pg-tx";
import { insertEvents, lockProduct, saveStock, type ProductEventRow } from "@/lib/products/stock/product-state";

// What became of a product's ledger rows, each written in one transaction with the product's stock
// and its timeline: applied (a `stock_changed` entry per row: who, why, before → after, clamped),
// unclear (a `stock_unclear` entry: not sent again), failed (TribeMade's words), gone (404).

const WHY: Record<OpenEntry["change"], string> = { sale: "sale", restock: "cancellation", set: "set by hand" };

function changedEvent(entry: OpenEntry, step: Pick<PlannedStep, "before" | "after" | "clamped">, extra = {}): ProductEventRow {
  return {
    type: "stock_changed",
    actor: entry.actor,
    actorUserId: entry.actorUserId,
    data: {
      ledgerId: entry.id,
      change: entry.change,
      why: WHY[entry.change],
      quantity: entry.quantity,
      orderId: entry.orderId,
      before: step.before,
      after: step.after,
      clamped: step.clamped,
      ...extra,
    },
  };
}

export async function writeApplied(
  productId: string,
  entries: OpenEntry[],
  stock: number,
  options: { steps?: PlannedStep[]; alreadyApplied?: boolean },
): Promise<void> {
  await inPgTransaction(async (client) => {
    const product = await lockProduct(client, productId);
    if (!product) return;
    const byId = new Map(options.steps?.map((step) => [step.id, step]));
    const steps = entries.map(
      (entry) =>
        byId.get(entry.id) ?? {
          id: entry.id,
          before: entry.stockBefore ?? stock,
          after: entry.stockAfter ?? stock,
          clamped: false,
        },
    );
    await settleEntries(
      client,
      entries.map((entry) => entry.id),
      "applied",
      options.alreadyApplied ? "TribeMade had it already (its answer was lost)" : null,
      steps,
    );
    const events = entries.map((entry, index) =>
      changedEvent(entry, steps[index]!, options.alreadyApplied ? { alreadyApplied: true } : {}),
    );
    await saveStock(client, product, stock, events);
  });
}

export async function writeUnclear(productId: string, entries: OpenEntry[], stock: number): Promise<void> {
  const note = `TribeMade's stock is ${stock}: neither before (${entries[0]?.stockBefore}) nor after (${entries.at(-1)?.stockAfter}) the change whose answer was lost. Someone changed it there too; not sent again.`;
  await inPgTransaction(async (client) => {
    const product = await lockProduct(client, productId);
    if (!product) return;
    await settleEntries(
      client,
      entries.map((entry) => entry.id),
      "skipped",
      note,
    );
    await saveStock(client, product, stock, [
      { type: "stock_unclear", actor: "system", data: { ledgerIds: entries.map((e) => e.id), stock, note } },
    ]);
  });
}

export async function writeFailed(productId: string, entries: OpenEntry[], error: string): Promise<void> {
  await inPgTransaction(async (client) => {
    const product = await lockProduct(client, productId);
    if (!product) return;
    await settleEntries(
      client,
      entries.map((entry) => entry.id),
      "failed",
      error,
    );
    await insertEvents(client, product, [
      { type: "stock_change_failed", actor: "TribeMade", data: { ledgerIds: entries.map((e) => e.id), error } },
    ]);
  });
}

/** TribeMade answered 404: the product is gone there (deleted, or never this store's). Kept, marked. */
export async function markGone(productId: string, entries: OpenEntry[], error: string): Promise<void> {
  await inPgTransaction(async (client) => {
    const product = await lockProduct(client, productId);
    if (!product) return;
    await settleEntries(
      client,
      entries.map((entry) => entry.id),
      "failed",
      "The product no longer exists at TribeMade",
    );
    await client.query(`UPDATE "Product" SET "goneAt" = coalesce("goneAt", now()), "updatedAt" = now() WHERE id = $1::uuid`, [
      productId,
    ]);
    await insertEvents(client, product, [{ type: "gone", actor: "TribeMade", data: { error } }]);
  });
}
