import "server-only";
import { pgPool } from "@/lib/db";
import type { Channel, Topic } from "@/lib/notifications/topics";
import { defaultPreference } from "@/lib/notifications/topics";
import type { PushTarget } from "@/lib/notifications/push-send";
import type { NotificationPayload } from "@/lib/notifications/outbox/messages";

// The reads and writes around sending one notification: who is to be told (members of the store
// who asked for the topic on the channel, or exactly the ones a test names), and the ledger that
// makes each device or address hear of a key once. A target is claimed (a NotificationDelivery row
// "sending") BEFORE the request leaves and marked after: a drainer that dies in between leaves it
// "sending", and nobody sends it again (a lost notification beats a doubled one; docs/notifications.md).

type Audience = Pick<NotificationPayload, "topic" | "userIds" | "subscriptionIds">;

/** The SQL default for members without a preference row, by role. */
function defaults(topic: NotificationPayload["topic"], channel: Channel): { owner: boolean; staff: boolean } {
  if (topic === "test") return { owner: true, staff: true };
  return {
    owner: defaultPreference(topic as Topic, channel, "owner"),
    staff: defaultPreference(topic as Topic, channel, "staff"),
  };
}

const WANTS = (channel: Channel) => `
  JOIN "Membership" m ON m."storeId" = $1::uuid AND m."userId" = u.id
  LEFT JOIN "NotificationPreference" np ON np."storeId" = $1::uuid AND np."userId" = u.id AND np.topic = $2
    AND np.channel = '${channel}'
  WHERE ($3::uuid[] IS NULL OR u.id = ANY($3::uuid[]))
    AND ($2 = 'test' OR coalesce(np.enabled, CASE m.role WHEN 'owner' THEN $4::boolean ELSE $5::boolean END))`;

export async function pushTargets(storeId: string, audience: Audience): Promise<PushTarget[]> {
  const wants = defaults(audience.topic, "push");
  const { rows } = await pgPool.query<PushTarget>(
    `SELECT ps.id::text AS id, ps.endpoint, ps.p256dh, ps.auth
     FROM "PushSubscription" ps JOIN "User" u ON u.id = ps."userId"
     ${WANTS("push")}
       AND ps."storeId" = $1::uuid AND ($6::uuid[] IS NULL OR ps.id = ANY($6::uuid[]))
     ORDER BY ps."createdAt"`,
    [storeId, audience.topic, audience.userIds ?? null, wants.owner, wants.staff, audience.subscriptionIds ?? null],
  );
  return rows;
}

export type EmailTarget = { id: string; email: string; name: string };

export async function emailTargets(storeId: string, audience: Audience): Promise<EmailTarget[]> {
  const wants = defaults(audience.topic, "email");
  const { rows } = await pgPool.query<EmailTarget>(
    `SELECT u.id::text AS id, u.email, u.name FROM "User" u
     ${WANTS("email")}
     ORDER BY u.email`,
    [storeId, audience.topic, audience.userIds ?? null, wants.owner, wants.staff],
  );
  return rows;
}

/** Claims the targets not yet told of `key` (or left to retry); returns the ones to send now. */
export async function claimTargets(storeId: string, key: string, channel: Channel, targets: string[]): Promise<Set<string>> {
  if (targets.length === 0) return new Set();
  const { rows } = await pgPool.query<{ target: string }>(
    `INSERT INTO "NotificationDelivery" ("storeId", key, channel, target, status)
     SELECT $1::uuid, $2, $3, t, 'sending' FROM unnest($4::text[]) AS t
     ON CONFLICT ("storeId", key, channel, target) DO UPDATE SET status = 'sending', "updatedAt" = now()
       WHERE "NotificationDelivery".status = 'retry'
     RETURNING target`,
    [storeId, key, channel, targets],
  );
  return new Set(rows.map((row) => row.target));
}

export type TargetOutcome = { target: string; status: "sent" | "retry" | "failed"; error: string | null };

/** Marks each claimed target; for push, drops subscriptions the push service says are gone. */
export async function finishTargets(
  storeId: string,
  key: string,
  channel: Channel,
  outcomes: TargetOutcome[],
  gone: string[] = [],
): Promise<void> {
  if (outcomes.length === 0 && gone.length === 0) return;
  await pgPool.query(
    `WITH r AS (
       SELECT * FROM jsonb_to_recordset($4::jsonb) AS r(target text, status text, error text)
     ), marked AS (
       UPDATE "NotificationDelivery" d SET status = r.status, error = r.error, "updatedAt" = now()
       FROM r WHERE d."storeId" = $1::uuid AND d.key = $2 AND d.channel = $3 AND d.target = r.target
     ), seen AS (
       UPDATE "PushSubscription" ps
       SET "lastSentAt" = CASE WHEN r.status = 'sent' THEN now() ELSE ps."lastSentAt" END,
           "lastError" = CASE WHEN r.status = 'sent' THEN NULL ELSE r.error END
       FROM r WHERE $3 = 'push' AND ps."storeId" = $1::uuid AND ps.id::text = r.target
     )
     DELETE FROM "PushSubscription" WHERE "storeId" = $1::uuid AND id::text = ANY($5::text[])`,
    [storeId, key, channel, JSON.stringify(outcomes), gone],
  );
}
