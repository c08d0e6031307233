import "server-only";
import { pgPool } from "@/lib/db";
import { logger } from "@/lib/http/logger";

// Tells live views (orders feed, deliveries inspector) that something changed, via NOTIFY on
// `tribedesk_feed`. Best effort and never throws: the feed also polls an index, because poolers in
// transaction mode (Neon, Supabase) drop LISTEN. Events within one tick go out in one statement.
// Payloads carry ids only (no PII); listeners re-read what they are allowed to see.

export const FEED_CHANNEL = "tribedesk_feed";
// One statement per 50 ms at most: measured under load, each round trip costs the app's one
// JavaScript thread ~0.4 ms, so per-request NOTIFYs cost ingest 5–10% of its throughput; 50 ms is
// invisible to a person watching the feed. Plain pg, not Prisma, for the same reason.
const COALESCE_MS = 50;

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

let pending: { payloads: string[]; sent: Promise<void> } | null = null;

/** Resolves once the notification has been sent (or failed and been logged). */
export function notifyOrderChanged(storeId: string, orderId: string): Promise<void> {
  return notifyFeed({ type: "order", storeId, orderId });
}

/** Resolves once the notification has been sent (or failed and been logged). */
export function notifyFeed(event: FeedEvent): Promise<void> {
  if (!pending) {
    const payloads: string[] = [];
    const sent = new Promise<void>((resolve) => {
      setTimeout(() => {
        pending = null;
        void send(payloads).then(resolve);
      }, COALESCE_MS);
    });
    pending = { payloads, sent };
  }
  pending.payloads.push(JSON.stringify(event));
  return pending.sent;
}

async function send(payloads: string[]): Promise<void> {
  try {
    await pgPool.query("SELECT pg_notify($1, p) FROM unnest($2::text[]) AS p", [FEED_CHANNEL, payloads]);
  } catch (error) {
    logger.warn("feed notify failed", { events: payloads.length, error });
  }
}
