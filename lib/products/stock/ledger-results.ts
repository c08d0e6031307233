import "server-only";
import { settleEntries, type OpenEntry } from "@/lib/products/stock/ledger";
import type { PlannedStep } from "@/lib/products/stock/plan";
import { inPgTransaction } from "@/lib/products/pg-tx";
import { insertEvents, lockProduct, saveStock, type ProductEventRow } from "@/lib/products/stock/product-state";

// What became of a product's ledger rows, each written in one transaction (settle) with the product's
// stock and its timeline: applied (a `stock_changed` entry per row: who, why, before → after,
// clamped), unclear (a `stock_unclear` entry: not sent again), failed (TribeMade's words), gone (404).

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

type Outcome = {
  state: "applied" | "skipped" | "failed";
  note: string | null;
  events: ProductEventRow[];
  steps?: PlannedStep[];
  /** TribeMade's stock as read or set: saved with the events, so the low-stock rules see it. Absent: events only. */
  stock?: number;
  gone?: boolean;
};

async function settle(productId: string, entries: OpenEntry[], outcome: Outcome): Promise<void> {
  await inPgTransaction(async (client) => {
    const product = await lockProduct(client, productId);
    if (!product) return;
    await settleEntries(
      client,
      entries.map((entry) => entry.id),
      outcome.state,
      outcome.note,
      outcome.steps,
    );
    if (outcome.gone) {
      await client.query(`UPDATE "Product" SET "goneAt" = coalesce("goneAt", now()), "updatedAt" = now() WHERE id = $1::uuid`, [
        productId,
      ]);
    }
    if (outcome.stock === undefined) await insertEvents(client, product, outcome.events);
    else await saveStock(client, product, outcome.stock, outcome.events);
  });
}

const ledgerIds = (entries: OpenEntry[]) => entries.map((entry) => entry.id);

export async function writeApplied(
  productId: string,
  entries: OpenEntry[],
  stock: number,
  options: { steps?: PlannedStep[]; alreadyApplied?: boolean },
): Promise<void> {
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
  await settle(productId, entries, {
    state: "applied",
    note: options.alreadyApplied ? "TribeMade had it already (its answer was lost)" : null,
    steps,
    stock,
    events: entries.map((entry, index) =>
      changedEvent(entry, steps[index]!, options.alreadyApplied ? { alreadyApplied: true } : {}),
    ),
  });
}

export async function writeUnclear(productId: string, entries: OpenEntry[], stock: number): Promise<void> {
  const note = `TribeMade's stock is ${stock}: neither before (${entries[0]?.stockBefore}) nor after (${entries.at(-1)?.stockAfter}) the change whose answer was lost. Someone changed it there too; not sent again.`;
  await settle(productId, entries, {
    state: "skipped",
    note,
    stock,
    events: [{ type: "stock_unclear", actor: "system", data: { ledgerIds: ledgerIds(entries), stock, note } }],
  });
}

export async function writeFailed(productId: string, entries: OpenEntry[], error: string): Promise<void> {
  await settle(productId, entries, {
    state: "failed",
    note: error,
    events: [{ type: "stock_change_failed", actor: "TribeMade", data: { ledgerIds: ledgerIds(entries), error } }],
  });
}

/** TribeMade answered 404: the product is gone there (deleted, or never this store's). Kept, marked. */
export async function markGone(productId: string, entries: OpenEntry[], error: string): Promise<void> {
  await settle(productId, entries, {
    state: "failed",
    note: "The product no longer exists at TribeMade",
    gone: true,
    events: [{ type: "gone", actor: "TribeMade", data: { error } }],
  });
}
