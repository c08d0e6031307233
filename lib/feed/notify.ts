import "server-only";
import { createNotifyBatcher } from "@/lib/notify-batcher";

// Tells live views (orders feed, deliveries inspector) that something changed, via NOTIFY on
// `tribedesk_feed`. Best effort and never throws: the feed also polls an index, because poolers in
// transaction mode (Neon, Supabase) drop LISTEN. Coalesced (lib/notify-batcher.ts). Payloads carry
// ids only (no PII); listeners re-read what they are allowed to see.

export const FEED_CHANNEL = "tribedesk_feed";

/** A webhook delivery was recorded (ingest, replays). */
export type DeliveryFeedEvent = {
  type: "delivery";
  storeId: string;
  deliveryId: string;
  outcome: "accepted" | "duplicate" | "rejected";
  /** Order.id, when the delivery is linked to an order. */
  orderId: string | null;
};

/**
 * An order changed after it arrived: status, sync, verification, product details, tracking. Sent
 * by whoever committed the change (status actions, the outbox drain), after the commit; open feeds
 * and order pages re-read the order.
 */
export type OrderFeedEvent = { type: "order"; storeId: string; orderId: string };

export type FeedEvent = DeliveryFeedEvent | OrderFeedEvent;

const notify = createNotifyBatcher(FEED_CHANNEL);

/** Resolves once the notification has been sent (or failed and been logged). */
export function notifyOrderChanged(storeId: string, orderId: string): Promise<void> {
  return notifyFeed({ type: "order", storeId, orderId });
}

/** Resolves once the notification has been sent (or failed and been logged). */
export function notifyFeed(event: FeedEvent): Promise<void> {
  return notify(JSON.stringify(event));
}
