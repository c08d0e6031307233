import "server-only";
import type { Member } from "@/lib/auth/require-member";
import { db } from "@/lib/db";
import { getStatusBudget } from "@/lib/outbox/queries";
import type { BudgetSnapshot } from "@/lib/orders/eta";
import type { StatusBudgetView, SyncStateView } from "@/lib/orders/status-schemas";

// Reads behind the status buttons: the store's TribeMade status budget (quota meter, bulk ETA)
// and the status and sync state of a set of orders (bulk progress). Scoped by member.store.id.

/** The drain's own reading of the store's status budget (lib/outbox/queries.ts), as epoch ms. */
async function statusBudget(storeId: string, now: number): Promise<BudgetSnapshot> {
  const view = await getStatusBudget(storeId, new Date(now));
  return {
    used: view.used,
    limit: view.limit,
    resetsAt: view.resetsAt?.getTime() ?? null,
    blockedUntil: view.blockedUntil?.getTime() ?? null,
  };
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
