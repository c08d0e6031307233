import "server-only";
import { createHash } from "node:crypto";
import type { Member } from "@/lib/auth/require-member";
import { db } from "@/lib/db";
import { emailEnabled } from "@/lib/notifications/mailer";
import { vapidPublicKey } from "@/lib/notifications/push-config";
import type { DeviceView, PreferenceView } from "@/lib/notifications/schemas";
import { CHANNELS, TOPICS, channelAvailable, defaultPreference } from "@/lib/notifications/topics";

// Settings → Notifications' reads: the member's own devices and choices in the current store.

export async function listMyDevices(member: Member): Promise<DeviceView[]> {
  const rows = await db.pushSubscription.findMany({
    where: { storeId: member.store.id, userId: member.user.id },
    orderBy: { createdAt: "asc" },
    select: { id: true, endpoint: true, label: true, createdAt: true, lastSentAt: true, lastError: true },
  });
  return rows.map((row) => ({
    id: row.id,
    endpointHash: createHash("sha256").update(row.endpoint).digest("hex"),
    label: row.label,
    createdAt: row.createdAt.toISOString(),
    lastSentAt: row.lastSentAt?.toISOString() ?? null,
    lastError: row.lastError,
  }));
}

/** Every topic with the member's choice per channel (null: the channel does not carry the topic). */
export async function myPreferences(member: Member): Promise<PreferenceView[]> {
  const rows = await db.notificationPreference.findMany({
    where: { storeId: member.store.id, userId: member.user.id },
    select: { topic: true, channel: true, enabled: true },
  });
  const chosen = new Map(rows.map((row) => [`${row.topic}:${row.channel}`, row.enabled]));
  return TOPICS.map((topic) => {
    const view = { topic } as PreferenceView;
    for (const channel of CHANNELS) {
      view[channel] = channelAvailable(topic, channel)
        ? (chosen.get(`${topic}:${channel}`) ?? defaultPreference(topic, channel, member.role))
        : null;
    }
    return view;
  });
}

/** What this deployment can send: the VAPID public key browsers subscribe with, and whether email is set up. */
export function notificationSetup(): { vapidPublicKey: string | null; email: boolean } {
  return { vapidPublicKey: vapidPublicKey(), email: emailEnabled() };
}
