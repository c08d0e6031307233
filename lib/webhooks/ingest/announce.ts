import "server-only";
import { notifyFeed } from "@/lib/feed/notify";
import { wakeOutbox } from "@/lib/outbox/wake";
import type { StoredDelivery } from "@/lib/webhooks/ingest/statement";

// Runs after the response (Next.js `after()`): the ack never waits for these, and they are not the
// only copy of anything (the outbox row and the delivery row are already committed).
export async function announceDelivery(delivery: StoredDelivery): Promise<void> {
  await Promise.all([
    // Only an accepted delivery wrote an outbox message.
    delivery.outcome === "accepted" ? wakeOutbox(delivery.storeId) : undefined,
    notifyFeed({
      type: "delivery",
      storeId: delivery.storeId,
      deliveryId: delivery.deliveryId,
      outcome: delivery.outcome,
      orderId: delivery.orderId,
    }),
  ]);
}
