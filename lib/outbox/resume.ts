import "server-only";
import { pgPool } from "@/lib/db";

/**
 * A store's key was replaced: its outbox resumes. Nothing was spent while it was paused (messages
 * waited as pending with their attempts untouched), so they go now. Called by lib/stores when an
 * owner saves a new key; the caller wakes the drain.
 */
export async function resumeOutbox(storeId: string): Promise<boolean> {
  const { rowCount } = await pgPool.query(
    `UPDATE "Store" SET "outboxPausedAt" = NULL, "outboxPausedReason" = NULL WHERE id = $1::uuid AND "outboxPausedAt" IS NOT NULL`,
    [storeId],
  );
  return (rowCount ?? 0) > 0;
}
