import "server-only";
import type { HandlerContext, HandlerResult } from "@/lib/outbox/drain-types";
import { callOptions, keyOf, recordCall } from "@/lib/outbox/handler-calls";
import { getOrder } from "@/lib/tribemade/client/orders-api";

/** GET the order from TribeMade with the store's key, recorded against order_get (verify, refresh, push's pre-read). */
export async function readOrder(ctx: HandlerContext, out: HandlerResult, tribemadeOrderId: string) {
  const result = await getOrder(keyOf(ctx), tribemadeOrderId, callOptions(ctx));
  await ctx.afterCall?.();
  recordCall(ctx, out, "order_get", result);
  return result;
}
