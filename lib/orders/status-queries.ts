import "server-only";
import type { Member } from "@/lib/auth/require-member";
import { db } from "@/lib/db";
import { STATUS_LIMIT_PER_MINUTE, WINDOW_MS, type BudgetSnapshot } from "@/lib/orders/eta";
import type { StatusBudgetView, SyncStateView } from "@/lib/orders/status-schemas";

// Reads behind the status buttons: the store's TribeMade status budget (quota meter, bulk ETA)
// and the status and sync state of a set of orders (bulk progress). Scoped by member.store.id.

/**
 * The status budget as the drain keeps it: RateBudget row "order_status", a fixed 60 s window.
 * Until the outbox exports getStatusBudget(storeId), this reads the row itself; the meter and the
 * ETA only ever see this shape.
 */
async function statusBudget(storeId: string, now: number): Promise<BudgetSnapshot> {
  const row = await db.rateBudget.findUnique({
    where: { storeId_bucket: { storeId, bucket: "order_status" } },
    select: { used: true, windowStart: true, blockedUntil: true },
  });
  const blockedUntil = row?.blockedUntil && row.blockedUntil.getTime() > now ? row.blockedUntil.getTime() : null;
  const resetsAt = row ? row.windowStart.getTime() + WINDOW_MS : null;
  const open = resetsAt !== null && resetsAt > now;
  return { used: open ? (row?.used ?? 0) : 0, limit: STATUS_LIMIT_PER_MINUTE, resetsAt: open ? resetsAt : null, blockedUntil };
}

export async function readStatusBudget(member: Member): Promise<StatusBudgetView> {
  const now = Date.now();
  const [budget, queued] = await Promise.all([
    statusBudget(member.store.id, now),
    db.outboxMessage.count({ where: { storeId: member.store.id, kind: "push_status", status: { in: ["pending", "leased"] } } }),
  ]);
  return { budget, queued, now };
}

/** The store's orders among `ids` (others are left out, not reported). */
export async function readSyncStates(member: Member, ids: string[]): Promise<SyncStateView[]> {
  return db.order.findMany({
    where: { storeId: member.store.id, id: { in: ids } },
    select: { id: true, status: true, sync: true, syncError: true, version: true, trackingUrl: true },
  });
}
