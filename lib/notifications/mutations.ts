import "server-only";
import { randomUUID } from "node:crypto";
import type { Member } from "@/lib/auth/require-member";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { wakeDrainAfter } from "@/lib/outbox/wake";
import { deviceLabel } from "@/lib/notifications/device-label";
import { notificationRows } from "@/lib/notifications/outbox/messages";
import { allowLocalPushServices, vapidConfig } from "@/lib/notifications/push-config";
import { pushEndpointAllowed } from "@/lib/notifications/push-endpoint";
import type { PreferenceInput, SubscribeInput } from "@/lib/notifications/schemas";
import { channelAvailable } from "@/lib/notifications/topics";

// Settings → Notifications' writes, each scoped to the member's own store and own devices.

/** Saves this browser's subscription for the member (the same endpoint again updates its keys). */
export async function saveSubscription(member: Member, input: SubscribeInput, userAgent: string | null): Promise<{ id: string }> {
  if (!vapidConfig()) throw new AppError("unavailable", "Push notifications are not set up on this deployment.");
  if (!pushEndpointAllowed(input.endpoint, allowLocalPushServices())) {
    throw new AppError("validation_failed", "That push service is not one browsers use.", { endpoint: "Unknown push service." });
  }
  const where = { storeId: member.store.id, userId: member.user.id, endpoint: input.endpoint };
  const keys = { p256dh: input.keys.p256dh, auth: input.keys.auth, label: deviceLabel(userAgent), lastError: null };
  // Not upsert: Prisma's upsert is two statements and races (docs/architecture.md).
  await db.pushSubscription.createMany({ data: [{ ...where, ...keys }], skipDuplicates: true });
  const saved = await db.pushSubscription.update({
    where: { storeId_userId_endpoint: where },
    data: keys,
    select: { id: true },
  });
  return saved;
}

export async function removeSubscription(member: Member, subscriptionId: string): Promise<void> {
  const { count } = await db.pushSubscription.deleteMany({
    where: { id: subscriptionId, storeId: member.store.id, userId: member.user.id },
  });
  if (count === 0) throw new AppError("not_found", "That device is not subscribed any more.");
}

/** Queues a test push to the member's devices (or one of them) and wakes the drain. */
export async function sendTestPush(member: Member, subscriptionId?: string): Promise<{ devices: number }> {
  if (!vapidConfig()) throw new AppError("unavailable", "Push notifications are not set up on this deployment.");
  const devices = await db.pushSubscription.count({
    where: { storeId: member.store.id, userId: member.user.id, ...(subscriptionId ? { id: subscriptionId } : {}) },
  });
  if (devices === 0) throw new AppError("not_found", "Turn on notifications on this device first.");
  const rows = notificationRows(
    member.store.id,
    {
      key: `test:${randomUUID()}`,
      topic: "test",
      title: `Test from ${member.store.name}`,
      body: "Notifications work on this device. New orders will look like this.",
      url: "/settings/notifications",
      userIds: [member.user.id],
      ...(subscriptionId ? { subscriptionIds: [subscriptionId] } : {}),
    },
    ["push"],
  );
  await db.outboxMessage.createMany({ data: rows, skipDuplicates: true });
  wakeDrainAfter(member.store.id);
  return { devices };
}

export async function setPreference(member: Member, input: Omit<PreferenceInput, "storeId">): Promise<void> {
  if (!channelAvailable(input.topic, input.channel)) {
    throw new AppError("validation_failed", "That notification does not come by that channel.");
  }
  const id = { storeId: member.store.id, userId: member.user.id, topic: input.topic, channel: input.channel };
  await db.notificationPreference.createMany({ data: [{ ...id, enabled: input.enabled }], skipDuplicates: true });
  await db.notificationPreference.update({ where: { storeId_userId_topic_channel: id }, data: { enabled: input.enabled } });
}

/** The signed unsubscribe link's effect (lib/notifications/unsubscribe.ts): that topic's email off. */
export async function unsubscribeEmail(storeId: string, userId: string, topic: PreferenceInput["topic"]): Promise<void> {
  const member = await db.membership.findUnique({ where: { userId_storeId: { userId, storeId } }, select: { id: true } });
  if (!member) return;
  const id = { storeId, userId, topic, channel: "email" };
  await db.notificationPreference.createMany({ data: [{ ...id, enabled: false }], skipDuplicates: true });
  await db.notificationPreference.update({ where: { storeId_userId_topic_channel: id }, data: { enabled: false } });
}
