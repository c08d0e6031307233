// What a member can be told, and by which channel (Settings → Notifications). A member's choices are
// NotificationPreference rows; a topic and channel without a row takes the default here. Alerts go
// to owners by default (they can act on them: replace a key, fix a URL), new orders to everyone's
// devices. Client-safe.

export const CHANNELS = ["push", "email"] as const;
export type Channel = (typeof CHANNELS)[number];

export const TOPICS = [
  "new_order",
  "key_rejected",
  "dead_letter",
  "fulfillment_failing",
  "deliveries_refused",
  "webhook_silence",
  "low_stock",
  "daily_summary",
] as const;
export type Topic = (typeof TOPICS)[number];

/** The topics that are alerts: an incident that opens and resolves (lib/notifications/alerts/). */
export const ALERT_TOPICS = [
  "key_rejected",
  "dead_letter",
  "fulfillment_failing",
  "deliveries_refused",
  "webhook_silence",
  "low_stock",
] as const satisfies readonly Topic[];
export type AlertTopic = (typeof ALERT_TOPICS)[number];

export const TOPIC_INFO: Record<Topic, { label: string; description: string }> = {
  new_order: { label: "New orders", description: "Each order once TribeMade confirms it." },
  key_rejected: { label: "API key rejected", description: "TribeMade refused the store's key; calls are paused." },
  dead_letter: {
    label: "Failed for good",
    description: "A status change or a forward that gave up (waiting in Outbox → Dead).",
  },
  fulfillment_failing: {
    label: "Fulfillment URL failing",
    description: "Your fulfillment URL has failed for 15 minutes.",
  },
  deliveries_refused: {
    label: "Deliveries refused",
    description: "Webhooks turned away because the desk was overloaded.",
  },
  webhook_silence: {
    label: "Webhooks gone quiet",
    description: "No webhook for hours when your store's history says orders were due.",
  },
  low_stock: { label: "Low stock", description: "A product you keep stock for runs low." },
  daily_summary: {
    label: "Daily summary",
    description: "At 08:00 IST: yesterday's orders and revenue, and what is waiting.",
  },
};

type Role = "owner" | "staff";

/** What a member gets when they have not chosen. */
export function defaultPreference(topic: Topic, channel: Channel, role: Role): boolean {
  if (topic === "new_order") return channel === "push";
  if (topic === "daily_summary") return channel === "email" && role === "owner";
  return role === "owner";
}

/** Email only where a push would be noise or cannot carry it. */
export function channelAvailable(topic: Topic, channel: Channel): boolean {
  if (topic === "daily_summary") return channel === "email";
  return true;
}
