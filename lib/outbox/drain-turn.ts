import "server-only";
import { pgPool } from "@/lib/db";
import { env } from "@/lib/env";

// Should a signed-in request start a drain for its store? Only if the store has work due (a
// message whose time has come or whose drainer died, or refreshes to schedule), and only one
// request per store every few seconds across every instance: the answer and the turn are taken in
// one statement on OutboxState. Indexed and cheap; a store with nothing due writes nothing.

const TURN_EVERY = "5 seconds";

export async function takeDrainTurn(storeId: string): Promise<boolean> {
  const { rowCount } = await pgPool.query(TURN_SQL, [storeId, env.TRIBEMADE_RATE_WINDOW_MS]);
  return (rowCount ?? 0) > 0;
}

const TURN_SQL = `
  INSERT INTO "OutboxState" ("storeId", "drainRequestedAt")
  SELECT s.id, now() FROM "Store" s
  WHERE s.id = $1::uuid AND s."outboxPausedAt" IS NULL AND s."apiKeyCiphertext" IS NOT NULL AND (
    EXISTS (SELECT 1 FROM "OutboxMessage" m WHERE m."storeId" = s.id AND m.status = 'pending' AND m."availableAt" <= now())
    OR EXISTS (SELECT 1 FROM "OutboxMessage" m WHERE m."storeId" = s.id AND m.status = 'leased' AND m."leaseUntil" < now())
    OR NOT EXISTS (SELECT 1 FROM "OutboxState" st WHERE st."storeId" = s.id
      AND st."refreshScheduledAt" > now() - $2 * interval '1 millisecond'))
  ON CONFLICT ("storeId") DO UPDATE SET "drainRequestedAt" = now()
    WHERE "OutboxState"."drainRequestedAt" IS NULL OR "OutboxState"."drainRequestedAt" < now() - interval '${TURN_EVERY}'
  RETURNING "storeId"`;
