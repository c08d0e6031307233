import "server-only";
import { pgPool } from "@/lib/db";
import { forwardPayloadFrom } from "@/lib/fulfillment/forward-payload";
import { tribemadeOrderSchema } from "@/lib/tribemade/client/order-schema";

/**
 * What a forward sends: the order as TribeMade's GET answered it (stored by verify_order, kept
 * current by refresh_order), in the webhook's shape (lib/fulfillment/forward-payload.ts). Null
 * when there is no TribeMade copy to send.
 */
export async function loadForwardBody(orderId: string): Promise<Buffer | null> {
  const { rows } = await pgPool.query<{ tribemade: unknown; tribemadeStoreId: string | null }>(
    `SELECT o.tribemade, s."tribemadeStoreId"
     FROM "Order" o JOIN "Store" s ON s.id = o."storeId"
     WHERE o.id = $1::uuid`,
    [orderId],
  );
  const row = rows[0];
  const tm = tribemadeOrderSchema.safeParse(row?.tribemade);
  if (!row || !tm.success) return null;
  return Buffer.from(JSON.stringify(forwardPayloadFrom(tm.data, row.tribemadeStoreId)));
}
