import { z } from "zod";
import { PRIORITY, type OutboxRow } from "@/lib/outbox/messages";

// The fulfillment domain's outbox kind, forward (lib/fulfillment/outbox/forward.ts sends it): its
// payload, dedupe key and row. Queued by verify_order once TribeMade confirms an order of a store
// with a fulfillment URL. Client-safe: no database access here.

/** The body sent is built at send time from TribeMade's copy of the order (forward-body.ts). */
export const forwardPayload = z.object({
  orderId: z.uuid(),
  tribemadeOrderId: z.uuid(),
});

export type ForwardPayload = z.infer<typeof forwardPayload>;

/** Forwarded once per TribeMade order (the unique index on OutboxMessage(storeId, dedupeKey)). */
export function forwardRow(storeId: string, payload: ForwardPayload): OutboxRow {
  return {
    storeId,
    kind: "forward",
    payload: forwardPayload.parse(payload),
    dedupeKey: `forward:${payload.tribemadeOrderId}`,
    priority: PRIORITY.forward,
  };
}
