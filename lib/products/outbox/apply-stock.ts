import "server-only";
import { pgPool } from "@/lib/db";
import type { HandlerContext, HandlerResult } from "@/lib/outbox/drain-types";
import { emptyResult, failureDisposition } from "@/lib/outbox/handler-calls";
import { applyStockPayload } from "@/lib/products/outbox/messages";
import { editProductCall, readProductCall } from "@/lib/products/outbox/read-call";
import {
  ensureProduct,
  markSending,
  openEntries,
  recordOrderEntry,
  releaseLease,
  settleEntries,
  takeLease,
  type OpenEntry,
} from "@/lib/products/stock/ledger";
import { planStock, settleSent } from "@/lib/products/stock/plan";
import { markGone, writeApplied, writeFailed, writeUnclear } from "@/lib/products/stock/ledger-results";

// apply_stock: bring TribeMade's stock of one product in line with its open ledger rows, once.
// One message at a time per product holds the product's lease; it applies every open row (its own
// and any recorded meanwhile), so two orders of one product never read-modify-write over each other.
// The drain claimed it with a product_edit slot (the scarce budget); a path that sends no PUT gives
// the slot back (lib/outbox/process-batch.ts returnUnspentSlots).
//   1. Take a product_get slot and read the product (GET).
//   2. Rows left "sending" by an attempt whose answer never came: compare (lib/products/stock/plan.ts
//      settleSent) — landed → applied; not landed → send again; unclear → never sent again.
//   3. Plan the rest (clamped at 0), mark them sending (committed), PUT the new stock, and write the
//      outcome with its timeline entries.

const LEASE_BUSY_RETRY_MS = 1_000;

export async function applyStock(ctx: HandlerContext): Promise<HandlerResult> {
  const payload = applyStockPayload.parse(ctx.message.payload);
  const storeId = ctx.message.storeId;
  const out = emptyResult({ type: "done" });
  const productId = await ensureProduct(storeId, payload.tribemadeProductId, {
    name: ctx.order?.productName ?? null,
    image: ctx.order?.productImage ?? null,
  });
  if (payload.orderId && payload.change && payload.quantity) {
    await recordOrderEntry(storeId, productId, { orderId: payload.orderId, change: payload.change, quantity: payload.quantity });
  }
  if (!(await takeLease(productId, ctx.message.id, ctx.config.leaseMs))) {
    // Another message is applying this product's rows (ours among them, if recorded in time).
    out.disposition = { type: "defer", until: new Date(Date.now() + LEASE_BUSY_RETRY_MS) };
    return out;
  }
  try {
    return await applyOpen(ctx, out, productId, payload.tribemadeProductId);
  } finally {
    await releaseLease(productId, ctx.message.id);
  }
}

async function applyOpen(ctx: HandlerContext, out: HandlerResult, productId: string, tribemadeProductId: string) {
  const entries = await openEntries(productId);
  if (entries.length === 0) return out;

  const readSlot = await ctx.takeSlot("product_get");
  if (readSlot.granted === 0) {
    out.disposition = { type: "defer", until: readSlot.opensAt ?? new Date(Date.now() + LEASE_BUSY_RETRY_MS) };
    return out;
  }
  const read = await readProductCall(ctx, out, tribemadeProductId);
  if (read.status === 404) {
    await markGone(productId, entries, read.error ?? "Product not found");
    return out;
  }
  if (read.outcome !== "success" || !read.data) {
    out.disposition = failureDisposition(read);
    return out;
  }
  let stock = read.data.stock ?? 0;

  const sending = entries.filter((entry) => entry.state === "sending");
  const pending: OpenEntry[] = entries.filter((entry) => entry.state === "pending");
  if (sending.length > 0) {
    const fate = settleSent(stock, sending[0]!.stockBefore ?? -1, sending[sending.length - 1]!.stockAfter ?? -1);
    if (fate === "landed") await writeApplied(productId, sending, stock, { alreadyApplied: true });
    else if (fate === "unclear") await writeUnclear(productId, sending, stock);
    else {
      // It never reached TribeMade: sending them now is their first send.
      await settleEntries(
        pgPool,
        sending.map((entry) => entry.id),
        "pending",
        null,
      );
      pending.unshift(...sending);
    }
  }
  if (pending.length === 0) return out;

  const plan = planStock(stock, pending);
  if (plan.target === stock) {
    // Nothing to send (a restock and a sale that cancel out, a set to what it is).
    await writeApplied(productId, pending, stock, { steps: plan.steps });
    return out;
  }
  if (!(await markSending(productId, ctx.message.id, plan.steps))) {
    out.disposition = { type: "retry", error: "Lost the product's ledger lease before sending" };
    return out;
  }
  const put = await editProductCall(ctx, out, tribemadeProductId, { stock: plan.target });
  if (put.outcome === "success") {
    stock = plan.target;
    await writeApplied(productId, pending, stock, { steps: plan.steps });
    return out;
  }
  if (put.status === 404) {
    await markGone(productId, pending, put.error ?? "Product not found");
    return out;
  }
  out.disposition = failureDisposition(put);
  // An answer that proves TribeMade did not apply it puts the rows back; an ambiguous one leaves
  // them "sending", and the next attempt reads and compares first.
  if (put.ambiguous) return out;
  if (out.disposition.type === "dead") await writeFailed(productId, pending, put.error ?? `HTTP ${put.status ?? "?"}`);
  else
    await settleEntries(
      pgPool,
      pending.map((entry) => entry.id),
      "pending",
      null,
    );
  return out;
}
