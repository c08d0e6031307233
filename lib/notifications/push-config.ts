import "server-only";
import { env } from "@/lib/env";

// Web push's VAPID identity (docs/notifications.md). Optional: a deployment without the three
// variables has push off, says so in Settings → Notifications, and queues no push messages, so
// deployments made before push existed keep working unchanged.

export type VapidConfig = { publicKey: string; privateKey: string; subject: string };

export function vapidConfig(): VapidConfig | null {
  if (!env.VAPID_PUBLIC_KEY || !env.VAPID_PRIVATE_KEY || !env.VAPID_SUBJECT) return null;
  return { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY, subject: env.VAPID_SUBJECT };
}

/** The key browsers subscribe with (public by design); null when push is off. */
export function vapidPublicKey(): string | null {
  return vapidConfig()?.publicKey ?? null;
}

/** Push services' endpoints may be loopback or plain http only in the embedded demo and the tests. */
export function allowLocalPushServices(): boolean {
  return env.TRIBEDESK_DEMO || env.NODE_ENV === "test";
}
