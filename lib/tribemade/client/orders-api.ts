import "server-only";
import { z } from "zod";
import { callTribemade, type ApiKey, type CallOptions, type CallResult } from "@/lib/tribemade/client/call";
import { tribemadeOrderSchema, type TribemadeOrder } from "@/lib/tribemade/client/order-schema";

// TribeMade's order endpoints (GET /api/orders/{id}: 50/min; PUT /api/orders/{id}/status: 20/min).
// Product endpoints will sit beside these when something needs them.

export type StatusUpdate = { status: "processing" | "dispatched" | "delivered" | "cancelled"; trackingUrl: string | null };

const statusUpdatedSchema = z.looseObject({ message: z.string().optional() });

export function getOrder(key: ApiKey, orderId: string, options?: CallOptions): Promise<CallResult<TribemadeOrder>> {
  return callTribemade(
    key,
    { method: "GET", path: `/api/orders/${encodeURIComponent(orderId)}`, schema: tribemadeOrderSchema },
    options,
  );
}

export function putOrderStatus(
  key: ApiKey,
  orderId: string,
  update: StatusUpdate,
  options?: CallOptions,
): Promise<CallResult<z.infer<typeof statusUpdatedSchema>>> {
  // tracking_url is only sent when there is one: TribeMade keeps the old one when it is absent.
  const body = update.trackingUrl ? { status: update.status, tracking_url: update.trackingUrl } : { status: update.status };
  return callTribemade(
    key,
    { method: "PUT", path: `/api/orders/${encodeURIComponent(orderId)}/status`, body, schema: statusUpdatedSchema },
    options,
  );
}
