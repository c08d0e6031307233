import "server-only";
import { forward, forwardGaveUp } from "@/lib/fulfillment/outbox/forward";
import type { OutboxContribution } from "@/lib/outbox/registry";

// The fulfillment domain's part of the outbox (lib/outbox/registry.ts, registered by
// lib/wiring/outbox-handlers.ts): relaying verified orders to the merchant's own system.

export const FULFILLMENT_OUTBOX: OutboxContribution = {
  handlers: { forward: { handle: forward, giveUp: forwardGaveUp } },
};
