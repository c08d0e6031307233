import { z } from "zod";
import { PRIORITY, type OutboxRow } from "@/lib/outbox/messages";
import { CHANNELS, TOPICS, type Channel } from "@/lib/notifications/topics";

// The notifications domain's outbox kinds, notify_push and notify_email (lib/notifications/outbox/
// push.ts and email.ts send them): their payload, dedupe key and rows. A caller says what to tell
// (the words travel in the payload, so this domain never reads the caller's tables) and enqueues the
// rows in its own transaction; the handler finds who asked for the topic when it sends.
// Client-safe: no database access here.

export const notificationPayload = z.object({
  /** Unique per thing told: "order:<id>", "alert:key_rejected:3:opened", "test:<uuid>". */
  key: z.string().min(1).max(200),
  /** "test" reaches exactly `userIds` / `subscriptionIds`, whatever their preferences. */
  topic: z.enum([...TOPICS, "test"]),
  title: z.string().min(1).max(120),
  body: z.string().max(600),
  /** Where tapping it leads: a path of this app. */
  url: z.string().startsWith("/").max(500),
  /** Only these members (a test: the member who pressed it); all members who asked, when absent. */
  userIds: z.array(z.uuid()).max(100).optional(),
  /** Only these devices (a test to one device). */
  subscriptionIds: z.array(z.uuid()).max(100).optional(),
  /** The email's longer text (the push's body when absent). */
  emailText: z.string().max(20_000).optional(),
});

export type NotificationPayload = z.infer<typeof notificationPayload>;

const KIND = { push: "notify_push", email: "notify_email" } as const satisfies Record<Channel, OutboxRow["kind"]>;

/**
 * The rows that tell `payload` on each channel, for `tx.outboxMessage.createMany({ data, skipDuplicates:
 * true })` or a handler's `enqueue`. Enqueued once per key and channel (the unique index on
 * OutboxMessage(storeId, dedupeKey)); each device or address is told once per key (NotificationDelivery).
 */
export function notificationRows(
  storeId: string,
  payload: NotificationPayload,
  channels: readonly Channel[] = CHANNELS,
): OutboxRow[] {
  const parsed = notificationPayload.parse(payload);
  return channels.map((channel) => ({
    storeId,
    kind: KIND[channel],
    payload: parsed,
    dedupeKey: `notify:${channel}:${parsed.key}`,
    priority: PRIORITY[KIND[channel]],
  }));
}
