import "server-only";
import type { HandlerContext, HandlerResult } from "@/lib/outbox/drain-types";
import { emptyResult, failureDisposition } from "@/lib/outbox/handler-calls";
import { editProductPayload, type EditProductPayload } from "@/lib/products/outbox/messages";
import { editProductCall } from "@/lib/products/outbox/read-call";
import { inPgTransaction } from "@/lib/products/pg-tx";
import { insertEvents, lockProduct } from "@/lib/products/stock/product-state";

// edit_product: PUT a person's (or the "hide at 0" rule's) price, current price or visibility.
// Each field is an absolute value, so sending it again after a lost answer changes nothing: no
// read-first is needed, unlike stock (lib/products/outbox/apply-stock.ts). A refusal (400) is
// shown on the timeline in TribeMade's own words.

const COLUMN = { price: "mrp", current_price: "currentPrice", is_active: "isActive" } as const;

export async function editProductHandler(ctx: HandlerContext): Promise<HandlerResult> {
  const payload = editProductPayload.parse(ctx.message.payload);
  const out = emptyResult({ type: "done" });
  const put = await editProductCall(ctx, out, payload.tribemadeProductId, payload.fields);
  if (put.outcome === "success") {
    await writeOutcome(ctx.message.storeId, payload, "edited", {});
    return out;
  }
  out.disposition = failureDisposition(put);
  if (out.disposition.type === "dead") {
    await writeOutcome(ctx.message.storeId, payload, "edit_failed", { httpStatus: put.status, error: put.error ?? null });
  }
  return out;
}

async function writeOutcome(storeId: string, payload: EditProductPayload, type: string, extra: Record<string, unknown>) {
  await inPgTransaction(async (client) => {
    const product = await lockProduct(client, payload.productId);
    if (!product || product.storeId !== storeId) return;
    if (type === "edited") {
      const sets = Object.entries(payload.fields).map(([field, value]) => ({
        column: COLUMN[field as keyof typeof COLUMN],
        value,
      }));
      for (const { column, value } of sets) {
        await client.query(`UPDATE "Product" SET "${column}" = $2, "updatedAt" = now() WHERE id = $1::uuid`, [product.id, value]);
      }
    }
    await insertEvents(client, product, [
      {
        type,
        actor: "TribeMade",
        data: { fields: payload.fields, requestEventId: payload.requestEventId, ...extra },
      },
    ]);
  });
}
