import "server-only";
import { db } from "@/lib/db";

// For connections that outlive the request that opened them (the live feed's event streams): is the
// session that opened each one still good? The same two facts requireMember() checks at the start —
// the user's session version (bumped by "sign out of all devices" and a password change) and the
// membership of the store — for every open connection of one store in one query.

export type LiveSession = { userId: string; sessionVersion: number };

/** The keys (liveSessionKey) of `sessions` that still hold for `storeId`. */
export async function validLiveSessions(storeId: string, sessions: LiveSession[]): Promise<Set<string>> {
  const userIds = [...new Set(sessions.map((session) => session.userId))];
  if (userIds.length === 0) return new Set();
  const members = await db.membership.findMany({
    where: { storeId, userId: { in: userIds } },
    select: { userId: true, user: { select: { sessionVersion: true } } },
  });
  return new Set(members.map((member) => liveSessionKey({ userId: member.userId, sessionVersion: member.user.sessionVersion })));
}

export function liveSessionKey(session: LiveSession): string {
  return `${session.userId}:${session.sessionVersion}`;
}
