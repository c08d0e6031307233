import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrderStatus, SyncState } from "@/lib/generated/prisma/enums";
import { transitionRefusal, type TargetStatus } from "@/lib/orders/transitions";
import { pushStatusRow } from "@/lib/orders/outbox/messages";
import { restockRow } from "@/lib/products/outbox/messages";
import { UNDO_WINDOW_MS } from "@/lib/orders/undo-window";
import type { OutboxRow } from "@/lib/outbox/messages";

// The one write behind every status change — a click, a bulk action, a retry of nothing but the
// same change, the store rule: inside the caller's transaction, lock the orders, check each one's
// version and TribeMade's transition table, then write the new status (sync pending, version + 1),
// a `status_requested` event naming who asked, and the `push_status` message the outbox sends
// once the undo window has passed. Set-based (one statement per table), so 1,000 orders cost the
// same four round trips as one.

/** The caller's transaction: status changes never commit on their own. */
export type Tx = Prisma.TransactionClient;

/** Who asked: a person (their name is shown on the timeline) or the store rule (no user). */
export type Actor = { userId: string | null; name: string };

export type StatusRequest = {
  orderId: string;
  /** The version the person saw; null when they did not see the order (e.g. "all matching"). */
  expectedVersion: number | null;
  status: TargetStatus;
  /** Sent with the push; null keeps TribeMade's current link. */
  trackingUrl: string | null;
};

export type ChangeSource = "button" | "bulk" | "rule";

export type Changed = {
  outcome: "changed";
  orderId: string;
  tribemadeOrderId: string;
  from: OrderStatus;
  status: TargetStatus;
  trackingUrl: string | null;
  version: number;
  /** When its push may leave: Undo is possible until then (and while no drainer has it). */
  sendAfter: Date;
};
export type Skipped = {
  outcome: "skipped";
  orderId: string;
  tribemadeOrderId: string;
  code: "conflict" | "invalid_transition";
  reason: string;
};
export type ChangeResult = Changed | Skipped;

/** The order as it was before a change: what Undo restores. Kept in the event's data. */
export type PreviousState = { status: OrderStatus; trackingUrl: string | null; sync: SyncState; syncError: string | null };

type LockedOrder = PreviousState & {
  id: string;
  tribemadeOrderId: string;
  version: number;
  productId: string | null;
  quantity: number;
};

/** Locks the store's orders among `ids` (in id order, so two bulk actions cannot deadlock). */
export async function lockOrders(tx: Tx, storeId: string, ids: string[]): Promise<Map<string, LockedOrder>> {
  const rows = await tx.$queryRaw<LockedOrder[]>`
    SELECT id::text, "tribemadeOrderId"::text, status, version, "trackingUrl", sync, "syncError", "productId", quantity
    FROM "Order" WHERE "storeId" = ${storeId}::uuid AND id = ANY(${ids}::uuid[])
    ORDER BY id FOR UPDATE`;
  return new Map(rows.map((row) => [row.id, row]));
}

export async function applyStatusChanges(
  tx: Tx,
  input: {
    storeId: string;
    actor: Actor;
    requests: StatusRequest[];
    source: ChangeSource;
    /** When the pushes may leave: after the undo window for people, at once for the store rule. */
    availableAt?: Date;
    now?: Date;
  },
): Promise<ChangeResult[]> {
  // One result per request whose order is in this store, in request order.
  const now = input.now ?? new Date();
  const sendAfter = input.availableAt ?? new Date(now.getTime() + UNDO_WINDOW_MS);
  const locked = await lockOrders(
    tx,
    input.storeId,
    input.requests.map((request) => request.orderId),
  );
  const results: ChangeResult[] = [];
  const accepted: Array<{ request: StatusRequest; order: LockedOrder }> = [];
  const conflicts: string[] = [];
  for (const request of input.requests) {
    const order = locked.get(request.orderId);
    // Not this store's order (or gone): left out of the results, which must never echo another
    // store's ids back; callers count what is missing.
    if (!order) continue;
    const base = { outcome: "skipped" as const, orderId: order.id, tribemadeOrderId: order.tribemadeOrderId };
    if (request.expectedVersion !== null && request.expectedVersion !== order.version) {
      conflicts.push(order.id);
      results.push({ ...base, code: "conflict", reason: "" });
      continue;
    }
    const refusal = transitionRefusal(order.status, request.status);
    if (refusal) {
      results.push({ ...base, code: "invalid_transition", reason: refusal });
      continue;
    }
    accepted.push({ request, order });
    results.push({
      outcome: "changed",
      orderId: order.id,
      tribemadeOrderId: order.tribemadeOrderId,
      from: order.status,
      status: request.status,
      trackingUrl: request.trackingUrl ?? order.trackingUrl,
      version: order.version + 1,
      sendAfter,
    });
  }
  if (conflicts.length > 0) await explainConflicts(tx, input.storeId, results);
  if (accepted.length === 0) return results;

  await tx.$executeRaw`
    UPDATE "Order" AS o SET
      status = c.status::"OrderStatus",
      "trackingUrl" = COALESCE(c.url, o."trackingUrl"),
      version = o.version + 1,
      sync = 'pending', "syncError" = NULL, "updatedAt" = ${now}
    FROM unnest(${accepted.map((a) => a.order.id)}::uuid[], ${accepted.map((a) => a.request.status)}::text[],
                ${accepted.map((a) => a.request.trackingUrl)}::text[]) AS c(id, status, url)
    WHERE o.id = c.id AND o."storeId" = ${input.storeId}::uuid`;

  const events = await tx.orderEvent.createManyAndReturn({
    data: accepted.map(({ request, order }) => ({
      storeId: input.storeId,
      orderId: order.id,
      type: "status_requested",
      actorUserId: input.actor.userId,
      actor: input.actor.name,
      createdAt: now,
      data: {
        from: order.status,
        to: request.status,
        trackingUrl: request.trackingUrl,
        version: order.version + 1,
        source: input.source,
        previous: { status: order.status, trackingUrl: order.trackingUrl, sync: order.sync, syncError: order.syncError },
      } satisfies Prisma.InputJsonObject,
    })),
    select: { id: true, orderId: true },
  });
  const eventIdByOrder = new Map(events.map((event) => [event.orderId, event.id.toString()]));

  const rows: OutboxRow[] = accepted.map(({ request, order }) => {
    const row = pushStatusRow(
      input.storeId,
      {
        orderId: order.id,
        tribemadeOrderId: order.tribemadeOrderId,
        status: request.status,
        trackingUrl: request.trackingUrl,
        version: order.version + 1,
        requestEventId: eventIdByOrder.get(order.id) ?? "0",
        requestedBy: input.actor.userId,
      },
      now,
    );
    return { ...row, availableAt: sendAfter };
  });
  rows.push(...(await restockRows(tx, input.storeId, accepted, sendAfter)));
  await tx.outboxMessage.createMany({ data: rows, skipDuplicates: true });
  return results;
}

/**
 * A cancellation in a store where Tribedesk keeps stock gives its product's units back: the
 * restock's ledger entry goes in this transaction, due with the push (so an undone cancel, which
 * leaves the order uncancelled, restocks nothing) (docs/products.md).
 */
async function restockRows(
  tx: Tx,
  storeId: string,
  accepted: Array<{ request: StatusRequest; order: LockedOrder }>,
  sendAfter: Date,
): Promise<OutboxRow[]> {
  const cancels = accepted.filter(({ request, order }) => request.status === "cancelled" && order.productId);
  if (cancels.length === 0) return [];
  const store = await tx.store.findUnique({ where: { id: storeId }, select: { stockKeeper: true } });
  if (store?.stockKeeper !== "tribedesk") return [];
  return cancels.map(({ order }) =>
    restockRow(
      storeId,
      { id: order.id, productId: order.productId!, quantity: order.quantity, version: order.version + 1 },
      sendAfter,
    ),
  );
}

const STATUS_EVENTS = ["status_requested", "status_undone", "refreshed"];

/** Fills each conflict's reason with who last changed the order, so the second person knows. */
async function explainConflicts(tx: Tx, storeId: string, results: ChangeResult[]): Promise<void> {
  const ids = results.filter((r) => r.outcome === "skipped" && r.code === "conflict").map((r) => r.orderId);
  const latest = await tx.$queryRaw<Array<{ orderId: string; actor: string; type: string; status: OrderStatus }>>`
    SELECT DISTINCT ON (e."orderId") e."orderId"::text AS "orderId", e.actor, e.type, o.status
    FROM "OrderEvent" e JOIN "Order" o ON o.id = e."orderId"
    WHERE e."storeId" = ${storeId}::uuid AND e."orderId" = ANY(${ids}::uuid[]) AND e.type = ANY(${STATUS_EVENTS}::text[])
    ORDER BY e."orderId", e."createdAt" DESC, e.id DESC`;
  const byOrder = new Map(latest.map((row) => [row.orderId, row]));
  for (const result of results) {
    if (result.outcome !== "skipped" || result.code !== "conflict") continue;
    const last = byOrder.get(result.orderId);
    const who = last ? (last.type === "refreshed" ? "TribeMade" : last.actor) : "Someone else";
    const now = last ? ` It is ${last.status} now.` : "";
    result.reason = `${who} changed this order after you opened it.${now} Check it and try again.`;
  }
}
