import "server-only";
import type { HandlerContext, HandlerResult } from "@/lib/outbox/drain-types";
import { emptyResult, failureDisposition } from "@/lib/outbox/handler-calls";
import { readProductPayload } from "@/lib/products/outbox/messages";
import { readProductCall } from "@/lib/products/outbox/read-call";
import { inPgTransaction } from "@/lib/products/pg-tx";
import { insertEvents, lockProduct, saveRead } from "@/lib/products/stock/product-state";

// read_product: GET the product from TribeMade and keep what the desk shows (name, MRP, current
// price, shipping, stock, active, variations / sizes / colours, internal note, last read). Queued
// after a product's first verified order (lib/products/learn.ts) and on demand ("Read now"). A 404
// marks it gone, never deletes it: its orders and timeline stay.

export async function readProduct(ctx: HandlerContext): Promise<HandlerResult> {
  const payload = readProductPayload.parse(ctx.message.payload);
  const out = emptyResult({ type: "done" });
  const read = await readProductCall(ctx, out, payload.tribemadeProductId);
  if (read.outcome === "success" && read.data) {
    const data = read.data;
    await inPgTransaction(async (client) => {
      const product = await lockProduct(client, payload.productId);
      if (!product || product.storeId !== ctx.message.storeId) return;
      const events = [];
      if (product.stock !== null && data.stock !== undefined && data.stock !== null && data.stock !== product.stock) {
        // Changed at TribeMade (its dashboard, or TribeMade keeping stock): shown on the timeline too.
        events.push({
          type: "stock_read",
          actor: "TribeMade",
          data: { before: product.stock, after: data.stock, why: "read from TribeMade" },
        });
      }
      events.push({ type: "read", actor: "TribeMade", data: { stock: data.stock ?? null, isActive: data.is_active ?? null } });
      await saveRead(client, product, data, events);
    });
    return out;
  }
  if (read.status === 404) {
    await inPgTransaction(async (client) => {
      const product = await lockProduct(client, payload.productId);
      if (!product || product.storeId !== ctx.message.storeId) return;
      const { rowCount } = await client.query(
        `UPDATE "Product" SET "goneAt" = now(), "lastReadAt" = now(), "updatedAt" = now() WHERE id = $1::uuid AND "goneAt" IS NULL`,
        [product.id],
      );
      if (rowCount)
        await insertEvents(client, product, [{ type: "gone", actor: "TribeMade", data: { error: read.error ?? null } }]);
    });
    return out;
  }
  out.disposition = failureDisposition(read);
  return out;
}
