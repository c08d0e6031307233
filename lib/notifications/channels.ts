import "server-only";
import { emailEnabled } from "@/lib/notifications/mailer";
import { vapidConfig } from "@/lib/notifications/push-config";
import type { Channel } from "@/lib/notifications/topics";

/** The channels this deployment can send on: push with VAPID keys, email with SMTP. Nothing is queued for the others. */
export function enabledChannels(): Channel[] {
  return [...(vapidConfig() ? (["push"] as const) : []), ...(emailEnabled() ? (["email"] as const) : [])];
}
