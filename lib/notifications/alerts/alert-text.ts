import type { NotificationPayload } from "@/lib/notifications/outbox/messages";
import type { AlertTopic } from "@/lib/notifications/topics";
import { incidentKey } from "@/lib/notifications/alerts/incident";

// What each alert says when its incident opens and when it resolves, and where tapping it leads.
// Client-safe.

type Words = { opened: (detail: AlertDetail) => string; resolved: string; title: string; url: string };
export type AlertDetail = { count?: number; reason?: string; hours?: number };

const WORDS: Record<AlertTopic, Words> = {
  key_rejected: {
    title: "TribeMade rejected your API key",
    opened: () => "Status changes and checks are paused until you replace the key in Settings → API key.",
    resolved: "The API key works again; paused work has resumed.",
    url: "/settings/api-key",
  },
  dead_letter: {
    title: "Work failed for good",
    opened: (d) => `${d.count ?? 1} status change(s) or forward(s) gave up. Retry or discard them in Outbox.`,
    resolved: "No failed work is waiting any more.",
    url: "/outbox",
  },
  fulfillment_failing: {
    title: "Your fulfillment URL keeps failing",
    opened: (d) => `${d.count ?? 1} order(s) could not reach it for 15 minutes; they keep retrying.`,
    resolved: "Your fulfillment URL answers again.",
    url: "/outbox",
  },
  deliveries_refused: {
    title: "Webhooks were refused",
    opened: (d) =>
      `${d.count ?? 1} webhook(s) were turned away in the last hour. Add the missing orders by their id on the Orders page.`,
    resolved: "No webhook was turned away for an hour.",
    url: "/orders?add=missing",
  },
  webhook_silence: {
    title: "No webhooks for a while",
    opened: (d) =>
      `No order has arrived for ${d.hours ?? 3} hours, when your store usually has some by now. Check TribeMade's webhook settings.`,
    resolved: "Webhooks are arriving again.",
    url: "/webhooks",
  },
  low_stock: {
    title: "Low stock",
    opened: (d) => `${d.count ?? 1} product(s) are running low.`,
    resolved: "Stock is back above your thresholds.",
    url: "/products?filter=low",
  },
};

export function alertNotification(
  kind: AlertTopic,
  incident: number,
  side: "opened" | "resolved",
  detail: AlertDetail,
  storeName: string,
): NotificationPayload {
  const words = WORDS[kind];
  return {
    key: incidentKey(kind, incident, side),
    topic: kind,
    title: side === "opened" ? `${words.title} · ${storeName}` : `Resolved: ${words.title} · ${storeName}`,
    body: side === "opened" ? words.opened(detail) : words.resolved,
    url: words.url,
  };
}
