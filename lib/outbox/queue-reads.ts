import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { MessageRow } from "@/lib/outbox/message-dto";
import type { OutboxKind } from "@/lib/outbox/messages";

// The outbox page's reads of one store's queue, written for OutboxMessage's indexes (migration
// 20261207210000): the lanes index leads with the status, and what only pending messages need is in
// partial indexes over status = 'pending'. The planner uses a partial index only when the statement
// itself says 'pending'; Prisma sends a status as a parameter cast to the enum, which it cannot
// match to the index's condition (the waiting list read the whole table: 148 ms at 330,000 rows).

/** Messages per kind and status: every open or dead one, and those done in the last day. */
export async function queueDepth(storeId: string, since: Date) {
  return db.$queryRaw<{ kind: OutboxKind; status: string; n: number }[]>`
    SELECT kind::text AS kind, status::text AS status, count(*)::int AS n FROM "OutboxMessage"
    WHERE "storeId" = ${storeId}::uuid
      AND (status IN ('pending', 'leased', 'dead') OR (status = 'done' AND "createdAt" > ${since}))
    GROUP BY kind, status`;
}

/** When the oldest message still waiting to be sent was made. */
export async function oldestWaitingAt(storeId: string): Promise<Date | null> {
  const rows = await db.$queryRaw<{ createdAt: Date }[]>`
    SELECT "createdAt" FROM "OutboxMessage" WHERE "storeId" = ${storeId}::uuid AND status = 'pending'
    ORDER BY "createdAt" LIMIT 1`;
  return rows[0]?.createdAt ?? null;
}

/** The next messages to go out, due first: the pending and the leased ones, each read in due order, merged. */
export async function waitingMessages(storeId: string, limit: number): Promise<MessageRow[]> {
  const columns = Prisma.sql`id, kind::text AS kind, status::text AS status, attempts, payload, "createdAt", "availableAt",
    "lastAttemptAt", "lastError"`;
  return db.$queryRaw<MessageRow[]>`
    SELECT m.* FROM (
      (SELECT ${columns} FROM "OutboxMessage" WHERE "storeId" = ${storeId}::uuid AND status = 'pending'
       ORDER BY "availableAt", id LIMIT ${limit})
      UNION ALL
      (SELECT ${columns} FROM "OutboxMessage" WHERE "storeId" = ${storeId}::uuid AND status = 'leased'
       ORDER BY "availableAt", id LIMIT ${limit})
    ) m ORDER BY m."availableAt", m.id LIMIT ${limit}`;
}
