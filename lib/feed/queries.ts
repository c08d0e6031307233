import "server-only";
import { db } from "@/lib/db";

// The feed's change cursor: every change to an order writes an OrderEvent (ingest's `received`,
// status requests, pushes, verification, refreshes), so "what changed in this store since T" is a
// range read of the (storeId, createdAt DESC) index. System work for the live feed, per store.

export type StoreChange = {
  /** OrderEvent.id, for de-duplicating overlapping reads. */
  eventId: string;
  orderId: string;
  /** "received" (a webhook) and "added_by_id" ("Add missing orders") are a new order; everything else changes one. */
  type: string;
  at: Date;
};

/** How many changes one read returns at most; a store busier than this per read gets a resync. */
export const CHANGES_LIMIT = 500;

/** Changes after `since` (exclusive), oldest first. */
export async function readStoreChanges(storeId: string, since: Date): Promise<StoreChange[]> {
  const rows = await db.orderEvent.findMany({
    where: { storeId, createdAt: { gt: since } },
    orderBy: { createdAt: "asc" },
    take: CHANGES_LIMIT,
    select: { id: true, orderId: true, type: true, createdAt: true },
  });
  return rows.map((row) => ({ eventId: row.id.toString(), orderId: row.orderId, type: row.type, at: row.createdAt }));
}

/** The database's clock: change cursors compare with createdAt, which the database stamps. */
export async function databaseNow(): Promise<Date> {
  const [row] = await db.$queryRaw<Array<{ now: Date }>>`SELECT now() AS now`;
  return row?.now ?? new Date();
}
