import "server-only";
import { createNotifyBatcher } from "@/lib/notify-batcher";

// Tells live views (orders feed, deliveries inspector) that something changed, via NOTIFY on
// `tribedesk_feed`. Best effort and never throws: the feed also polls an index, because poolers in
// transaction mode (Neon, Supabase) drop LISTEN. Coalesced (lib/notify-batcher.ts). Payloads carry
// ids only (no PII); listeners re-read what they are allowed to see.

export const FEED_CHANNEL = "tribedesk_feed";

export type FeedEvent = {
  type: "delivery";
  storeId: string;
  deliveryId: string;
  outcome: "accepted" | "duplicate" | "rejected";
  /** Order.id, when the delivery is linked to an order. */
  orderId: string | null;
};

const notify = createNotifyBatcher(FEED_CHANNEL);

/** Resolves once the notification has been sent (or failed and been logged). */
export function notifyFeed(event: FeedEvent): Promise<void> {
  return notify(JSON.stringify(event));
}
