import "server-only";
import type { HandlerContext, HandlerResult } from "@/lib/outbox/drain-types";
import { callOptions, keyOf, recordCall } from "@/lib/outbox/handler-calls";
import { editProduct, getProduct } from "@/lib/tribemade/client/products-api";
import type { ProductEdit } from "@/lib/tribemade/client/product-schema";

// The products domain's two calls, each recorded against its own bucket (product_get 50/min,
// product_edit 20/min), so TribeMade's X-RateLimit-* headers correct that bucket's count.

export async function readProductCall(ctx: HandlerContext, out: HandlerResult, tribemadeProductId: string) {
  const result = await getProduct(keyOf(ctx), tribemadeProductId, callOptions(ctx));
  await ctx.afterCall?.();
  recordCall(ctx, out, "product_get", result);
  return result;
}

export async function editProductCall(ctx: HandlerContext, out: HandlerResult, tribemadeProductId: string, edit: ProductEdit) {
  const result = await editProduct(keyOf(ctx), tribemadeProductId, edit, callOptions(ctx));
  await ctx.afterCall?.();
  recordCall(ctx, out, "product_edit", result);
  return result;
}
