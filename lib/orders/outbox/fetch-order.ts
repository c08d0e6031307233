import "server-only";
import { pgPool } from "@/lib/db";
import { notifyOrderChanged } from "@/lib/feed/notify";
import type { HandlerContext, HandlerResult } from "@/lib/outbox/drain-types";
import { emptyResult, failureDisposition } from "@/lib/outbox/handler-calls";
import { readOrder } from "@/lib/orders/outbox/read-order";
import { fetchOrderPayload, type FetchOrderPayload } from "@/lib/orders/outbox/messages";
import type { TribemadeOrder } from "@/lib/tribemade/client/order-schema";

// fetch_order ("Add missing orders", docs/webhook-ingest.md "Refusals are counted"): a delivery
// the desk refused may never come again, and TribeMade has no list of orders, so a member pastes
// the ids from TribeMade's dashboard. Each is read with the store's key (GET /api/orders/{id}, the
// order_get budget) and, when TribeMade has it, created from that answer: verified by
// construction (it *is* TribeMade's copy), marked "added by <member>", with no webhook delivery
// and its own timeline entry. An order that arrived meanwhile (a late webhook, a second click) is
// left as it is. 404 (or 403, another store's order) is final at once: this store's key does not
// know the order, and asking again will not change that.

/** What the dialog shows for an id TribeMade does not know with this key (OutboxMessage.lastError). */
export const NOT_KNOWN_ERROR = "not_found";

export async function fetchOrder(ctx: HandlerContext): Promise<HandlerResult> {
  const payload = fetchOrderPayload.parse(ctx.message.payload);
  const out = emptyResult({ type: "done" });
  const result = await readOrder(ctx, out, payload.tribemadeOrderId);
  if (result.outcome === "success" && result.data) {
    const orderId = await insertFetchedOrder(ctx.message.storeId, payload, result.data);
    if (orderId) await notifyOrderChanged(ctx.message.storeId, orderId).catch(() => undefined);
    return out;
  }
  if (result.status === 404 || result.status === 403) {
    out.disposition = { type: "dead", error: NOT_KNOWN_ERROR };
    return out;
  }
  out.disposition = failureDisposition(result);
  return out;
}

const text = (value: unknown) => (value === null || value === undefined ? "" : String(value));

/** GET's address object flattened as the webhook sends it (one string). */
function addressText(address: TribemadeOrder["customer"]["full_address"]): string | null {
  if (address === null || address === undefined) return null;
  if (typeof address === "string") return address;
  const parts = [address.line1, address.line2, address.city, address.state, address.country].filter((part) => !!part);
  return parts.length > 0 ? parts.join(", ") : null;
}

/** Inserts the order and its `added_by_id` event in one statement; null when the order already existed. */
async function insertFetchedOrder(storeId: string, payload: FetchOrderPayload, tm: TribemadeOrder): Promise<string | null> {
  const rating = tm.rating === null || tm.rating === undefined ? null : Math.round(tm.rating);
  const { rows } = await pgPool.query<{ orderId: string }>(INSERT_SQL, [
    storeId,
    payload.tribemadeOrderId,
    tm.status,
    text(tm.customer.name),
    text(tm.customer.email),
    text(tm.customer.number),
    text(tm.customer.pincode),
    addressText(tm.customer.full_address),
    tm.order_details.amount ?? 0,
    tm.order_details.quantity ?? 1,
    tm.product_id ?? null,
    tm.product_name ?? null,
    tm.product_image ?? null,
    tm.tracking_url ?? null,
    rating,
    tm.review ?? null,
    tm.created_at ?? null,
    JSON.stringify(tm),
    payload.addedBy.name,
    payload.addedBy.userId,
  ]);
  return rows[0]?.orderId ?? null;
}

const INSERT_SQL = `
  WITH o AS (
    INSERT INTO "Order" ("storeId", "tribemadeOrderId", status, "customerName", "customerEmail", "customerPhone",
      "customerPincode", "customerAddress", amount, quantity, "productId", "productName", "productImage", "trackingUrl",
      rating, review, "placedAt", payload, tribemade, verification, "verifiedAt", "lastRefreshedAt", "addedBy")
    VALUES ($1::uuid, $2::uuid, $3::"OrderStatus", $4, $5, $6, $7, $8, $9::numeric, $10::int, $11, $12, $13, $14, $15::int,
      $16, $17::timestamptz, $18::jsonb, $18::jsonb, 'verified', now(), now(), $19)
    ON CONFLICT ("storeId", "tribemadeOrderId") DO NOTHING
    RETURNING id
  )
  INSERT INTO "OrderEvent" ("storeId", "orderId", type, "actorUserId", actor, data)
  SELECT $1::uuid, o.id, 'added_by_id', $20::uuid, $19, jsonb_build_object('source', 'GET /api/orders/{id}') FROM o
  RETURNING "orderId"`;
