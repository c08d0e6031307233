import "server-only";
import type { OrderStatus, SyncState } from "@/lib/generated/prisma/enums";
import { lockOrders, type Actor, type PreviousState, type Tx } from "@/lib/orders/status-change";
import { DEDUPE_KEY } from "@/lib/orders/outbox/messages";

// Undo, inside the caller's transaction: a change can be taken back only while its push has never
// been tried — still `pending` with no attempt, so no drainer holds it (the drain claims with
// FOR UPDATE SKIP LOCKED and marks it leased; our FOR UPDATE on the message waits for a claim in
// flight and then sees it leased). Then the message is deleted, the order gets back its previous
// status and tracking link (version + 1), and a `status_undone` event says who took it back.
// Nothing reaches TribeMade, so the customer gets no email.

export type UndoResult =
  | { outcome: "undone"; orderId: string; status: OrderStatus; version: number }
  | { outcome: "refused"; orderId: string; code: "already_sent" | "conflict"; reason: string }
  /** No such change in this store; the id is not echoed (it may be another store's). */
  | { outcome: "refused"; orderId: null; code: "not_found"; reason: string };

type Message = { id: bigint; status: string; attempts: number; requestEventId: string | null };

export async function undoStatusChanges(
  tx: Tx,
  input: { storeId: string; actor: Actor; changes: Array<{ orderId: string; version: number }>; now?: Date },
): Promise<UndoResult[]> {
  const now = input.now ?? new Date();
  const orders = await lockOrders(
    tx,
    input.storeId,
    input.changes.map((change) => change.orderId),
  );
  const keys = input.changes.map((change) => pushKey(change.orderId, change.version));
  const messages = await tx.$queryRaw<Array<Message & { dedupeKey: string }>>`
    SELECT id, "dedupeKey", status::text, attempts, payload->>'requestEventId' AS "requestEventId"
    FROM "OutboxMessage" WHERE "storeId" = ${input.storeId}::uuid AND "dedupeKey" = ANY(${keys}::text[])
    FOR UPDATE`;
  const messageByKey = new Map(messages.map((message) => [message.dedupeKey, message]));

  const results: UndoResult[] = [];
  const undo: Array<{ orderId: string; version: number; message: Message }> = [];
  input.changes.forEach((change, index) => {
    const order = orders.get(change.orderId);
    const message = messageByKey.get(keys[index] ?? "");
    const refuse = (code: "already_sent" | "conflict", reason: string) =>
      results.push({ outcome: "refused", orderId: change.orderId, code, reason });
    if (!order || !message) {
      results.push({ outcome: "refused", orderId: null, code: "not_found", reason: "There is no such change to undo." });
      return;
    }
    if (message.status !== "pending" || message.attempts > 0) {
      return refuse("already_sent", "Too late to undo: it has been sent to TribeMade, which emails the customer.");
    }
    if (order.version !== change.version)
      return refuse("conflict", "The order changed again since; undo the later change first.");
    undo.push({ orderId: change.orderId, version: change.version, message });
  });
  if (undo.length === 0) return results;

  const previous = await tx.orderEvent.findMany({
    where: { storeId: input.storeId, id: { in: undo.map((u) => BigInt(u.message.requestEventId ?? "0")) } },
    select: { orderId: true, data: true },
  });
  const previousByOrder = new Map(previous.map((event) => [event.orderId, readPrevious(event.data)]));
  const stillQueued = await tx.$queryRaw<Array<{ orderId: string }>>`
    SELECT DISTINCT payload->>'orderId' AS "orderId" FROM "OutboxMessage"
    WHERE "storeId" = ${input.storeId}::uuid AND kind = 'push_status' AND status IN ('pending', 'leased')
      AND id <> ALL(${undo.map((u) => u.message.id)}::bigint[]) AND payload->>'orderId' = ANY(${undo.map((u) => u.orderId)}::text[])`;
  const queued = new Set(stillQueued.map((row) => row.orderId));

  const restored = undo.map(({ orderId, version }) => {
    const order = orders.get(orderId);
    const before = previousByOrder.get(orderId);
    if (!order || !before) throw new Error(`undo: the change ${orderId}@${version} has no request event`);
    return { orderId, version, before, sync: syncAfterUndo(queued.has(orderId), order.sync, order.syncError, before) };
  });

  await tx.outboxMessage.deleteMany({ where: { storeId: input.storeId, id: { in: undo.map((u) => u.message.id) } } });
  await tx.$executeRaw`
    UPDATE "Order" AS o SET status = r.status::"OrderStatus", "trackingUrl" = r.url, version = o.version + 1,
      sync = r.sync::"SyncState", "syncError" = r.error, "updatedAt" = ${now}
    FROM unnest(${restored.map((r) => r.orderId)}::uuid[], ${restored.map((r) => r.before.status)}::text[],
                ${restored.map((r) => r.before.trackingUrl)}::text[], ${restored.map((r) => r.sync.sync)}::text[],
                ${restored.map((r) => r.sync.syncError)}::text[]) AS r(id, status, url, sync, error)
    WHERE o.id = r.id AND o."storeId" = ${input.storeId}::uuid`;
  await tx.orderEvent.createMany({
    data: restored.map((r) => ({
      storeId: input.storeId,
      orderId: r.orderId,
      type: "status_undone",
      actorUserId: input.actor.userId,
      actor: input.actor.name,
      createdAt: now,
      data: { undoneVersion: r.version, to: r.before.status, trackingUrl: r.before.trackingUrl, version: r.version + 1 },
    })),
  });
  for (const r of restored)
    results.push({ outcome: "undone", orderId: r.orderId, status: r.before.status, version: r.version + 1 });
  return results;
}

/**
 * The order's sync state once the change is gone: still pending while an earlier push of it is
 * queued; failed if an earlier push failed (now, or already before the change); else synced —
 * TribeMade has the status we restored.
 */
function syncAfterUndo(
  earlierQueued: boolean,
  current: SyncState,
  currentError: string | null,
  before: PreviousState,
): { sync: SyncState; syncError: string | null } {
  if (earlierQueued) return { sync: "pending", syncError: null };
  if (current === "failed") return { sync: "failed", syncError: currentError };
  if (before.sync === "failed") return { sync: "failed", syncError: before.syncError };
  return { sync: "synced", syncError: null };
}

/** The change's message key; the catalogue's key reads only the order id and the version. */
function pushKey(orderId: string, version: number): string {
  return DEDUPE_KEY.push_status({ orderId, version });
}

function readPrevious(data: unknown): PreviousState | undefined {
  const previous = (data as { previous?: PreviousState } | null)?.previous;
  return previous && typeof previous.status === "string" ? previous : undefined;
}
