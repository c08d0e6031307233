import "server-only";
import type { OutboxContribution } from "@/lib/outbox/registry";
import { notifyEmail } from "@/lib/notifications/outbox/email";
import { notifyPush } from "@/lib/notifications/outbox/push";
import { checkAlerts } from "@/lib/notifications/alerts/check";

// The notifications domain's part of the outbox (lib/outbox/registry.ts, registered by
// lib/wiring/outbox-handlers.ts): sending push and email, and, before each drain claims, finding the
// incidents worth an alert and queueing the daily summary (lib/notifications/alerts/).

export const NOTIFICATIONS_OUTBOX: OutboxContribution = {
  handlers: { notify_push: { handle: notifyPush }, notify_email: { handle: notifyEmail } },
  housekeeping: checkAlerts,
};
