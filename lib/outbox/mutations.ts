import "server-only";
import type { Member } from "@/lib/auth/require-member";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { runDrain } from "@/lib/outbox/drain";
import type { DrainNowResult } from "@/lib/outbox/schemas";
import { wakeDrainAfter } from "@/lib/outbox/wake";

// The outbox page's writes, each scoped to the member's store: retry dead letters (any member),
// discard them (owners, in the action), drain now.

/** A "Drain now" click waits for the drain; keep it well inside a request's patience. */
const DRAIN_NOW_BUDGET_MS = 8_000;

/**
 * Dead messages back to pending with a fresh set of attempts. A retried status push sets its order
 * back to "syncing" (unless a later click has replaced it).
 */
export async function retryMessages(member: Member, ids: string[]): Promise<{ retried: number }> {
  const storeId = member.store.id;
  const rows = await db.$queryRaw<{ id: bigint }[]>`
    WITH r AS (
      UPDATE "OutboxMessage" SET status = 'pending', "availableAt" = now(), attempts = 0, "doneAt" = NULL,
        "leaseUntil" = NULL, "leaseOwner" = NULL, "updatedAt" = now()
      WHERE "storeId" = ${storeId}::uuid AND id = ANY(${ids}::bigint[]) AND status = 'dead'
      RETURNING id, kind, payload
    ), synced AS (
      UPDATE "Order" o SET sync = 'pending', "syncError" = NULL, "updatedAt" = now()
      FROM r WHERE r.kind = 'push_status' AND o."storeId" = ${storeId}::uuid
        AND o.id = (r.payload->>'orderId')::uuid AND o.version = (r.payload->>'version')::int
    )
    SELECT id FROM r`;
  if (rows.length === 0) throw new AppError("not_found", "Those messages are no longer dead letters of this store.");
  wakeDrainAfter(storeId);
  return { retried: rows.length };
}

/** Deletes dead messages for good; their calls stay in the order timeline. */
export async function discardMessages(member: Member, ids: string[]): Promise<{ discarded: number }> {
  const { count } = await db.outboxMessage.deleteMany({
    where: { storeId: member.store.id, id: { in: ids.map((id) => BigInt(id)) }, status: "dead" },
  });
  if (count === 0) throw new AppError("not_found", "Those messages are no longer dead letters of this store.");
  return { discarded: count };
}

/** Drains the member's store now, in this request. */
export async function drainStoreNow(member: Member): Promise<DrainNowResult> {
  const summary = await runDrain({ trigger: "dashboard", storeId: member.store.id, config: { budgetMs: DRAIN_NOW_BUDGET_MS } });
  return { claimed: summary.claimed, done: summary.done, retried: summary.retried, dead: summary.dead, ms: summary.ms };
}
