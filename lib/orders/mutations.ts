import "server-only";
import type { Member, Owner } from "@/lib/auth/require-member";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { applyStatusChanges, lockOrders, type Actor, type Changed, type Skipped, type Tx } from "@/lib/orders/status-change";
import { undoStatusChanges as undoInTx, type UndoResult } from "@/lib/orders/status-undo";
import { findOrderIds } from "@/lib/orders/queries";
import type { OrderFilters } from "@/lib/orders/schemas";
import { MAX_BULK_ORDERS } from "@/lib/orders/status-schemas";
import { matchRefs } from "@/lib/orders/tracking-list";
import type { TargetStatus } from "@/lib/orders/transitions";
import { DEDUPE_KEY, pushStatusRow } from "@/lib/orders/outbox/messages";

// Status writes for people (a Member: staff and owners alike, scoped to member.store.id) and for
// the store rule (system work with an explicit store). The logic lives in status-change.ts and
// status-undo.ts; here are the transactions and the errors a person sees.

// A bulk of 1,000 orders is four set-based statements, well under a second; the default 5 s
// interactive-transaction timeout would still be tight on a busy shared database.
const BULK_TX = { timeout: 30_000, maxWait: 10_000 };

/** Who the store rule's changes are by, on the timeline. */
const RULE_ACTOR: Actor = { userId: null, name: "Store rule" };

function actorOf(member: Member): Actor {
  return { userId: member.user.id, name: member.user.name };
}

const NO_ORDER = "That order does not exist in this store.";

function refusal(skipped: Skipped | Extract<UndoResult, { outcome: "refused" }>): AppError {
  return new AppError(skipped.code, skipped.code === "not_found" ? NO_ORDER : skipped.reason);
}

/** One order, one click: the version the person saw must still be current. */
export async function changeOrderStatus(
  member: Member,
  input: { orderId: string; version: number; status: TargetStatus; trackingUrl: string | null },
): Promise<Changed> {
  const [result] = await db.$transaction((tx) =>
    applyStatusChanges(tx, {
      storeId: member.store.id,
      actor: actorOf(member),
      source: "button",
      requests: [
        { orderId: input.orderId, expectedVersion: input.version, status: input.status, trackingUrl: input.trackingUrl },
      ],
    }),
  );
  if (!result) throw new AppError("not_found", NO_ORDER);
  if (result.outcome === "skipped") throw refusal(result);
  return result;
}

/** Takes back changes whose pushes have not been sent; each change is named by the version it produced. */
export async function undoStatusChanges(
  member: Member,
  changes: Array<{ orderId: string; version: number }>,
): Promise<UndoResult[]> {
  return db.$transaction((tx) => undoInTx(tx, { storeId: member.store.id, actor: actorOf(member), changes }), BULK_TX);
}

export async function undoStatusChange(member: Member, change: { orderId: string; version: number }) {
  const [result] = await undoStatusChanges(member, [change]);
  if (!result) throw new Error("undoStatusChange: no result");
  if (result.outcome === "refused") throw refusal(result);
  return result;
}

/**
 * `missing`: selected orders that are not (or no longer) in this store; their ids are not echoed.
 * `truncated`: "all matching" found more than MAX_BULK_ORDERS; the newest were changed.
 */
export type BulkResult = { changed: Changed[]; skipped: Skipped[]; missing: number; unmatchedRefs: string[]; truncated: boolean };

/**
 * Many orders to one status in one transaction, each with its own version bump, event and push;
 * orders that cannot move (or changed since they were shown) are skipped with the reason. For
 * dispatch, each order's tracking link comes from the pasted list by its short id.
 */
export async function bulkChangeStatus(
  member: Member,
  input: {
    status: TargetStatus;
    orders?: Array<{ id: string; version?: number }>;
    filters?: OrderFilters;
    tracking: Record<string, string>;
    dispatchWithoutTracking: boolean;
  },
): Promise<BulkResult> {
  const storeId = member.store.id;
  let orders = input.orders ?? [];
  let truncated = false;
  if (input.filters) {
    // "All matching": the feed's own query, newest first. Versions were never shown, so only the
    // transition rules guard these (an order someone else moved on is skipped by them).
    const found = await findOrderIds(member, { ...input.filters, limit: MAX_BULK_ORDERS });
    orders = found.ids.map((id) => ({ id }));
    truncated = found.more;
  }
  const ids = [...new Set(orders.map((order) => order.id))];
  const known = await db.order.findMany({ where: { storeId, id: { in: ids } }, select: { id: true, tribemadeOrderId: true } });
  const refs = Object.keys(input.tracking);
  const usedRefs = new Set<string>();
  const early: Skipped[] = [];
  const linkFor = new Map<string, string | null>();
  const matchesOf = matchRefs(
    refs,
    known.map((order) => order.tribemadeOrderId),
  );
  const ordersPerRef = new Map<string, number>();
  for (const order of known) {
    const matches = matchesOf.get(order.tribemadeOrderId) ?? [];
    matches.forEach((ref) => {
      usedRefs.add(ref);
      ordersPerRef.set(ref, (ordersPerRef.get(ref) ?? 0) + 1);
    });
    const base = { outcome: "skipped" as const, orderId: order.id, tribemadeOrderId: order.tribemadeOrderId };
    if (matches.length > 1)
      early.push({ ...base, code: "invalid_transition", reason: `More than one line names it (${matches.join(", ")}).` });
    else if (matches.length === 1) linkFor.set(order.id, input.tracking[matches[0] ?? ""] ?? null);
    else if (input.status !== "dispatched" || input.dispatchWithoutTracking) linkFor.set(order.id, null);
    else early.push({ ...base, code: "invalid_transition", reason: "No tracking link for it in the pasted list." });
  }
  const ambiguous = new Set(refs.filter((ref) => (ordersPerRef.get(ref) ?? 0) > 1));
  const skippedEarly = new Set(early.map((skip) => skip.orderId));
  const versionOf = new Map(orders.map((order) => [order.id, order.version ?? null]));
  const requests = ids
    .filter((id) => !skippedEarly.has(id))
    .map((id) => ({
      orderId: id,
      expectedVersion: versionOf.get(id) ?? null,
      status: input.status,
      trackingUrl: linkFor.get(id) ?? null,
    }));

  const results =
    requests.length === 0
      ? []
      : await db.$transaction(
          (tx) => applyStatusChanges(tx, { storeId, actor: actorOf(member), source: "bulk", requests }),
          BULK_TX,
        );
  return {
    changed: results.filter((r): r is Changed => r.outcome === "changed"),
    skipped: [...early, ...results.filter((r): r is Skipped => r.outcome === "skipped")],
    missing: ids.length - early.length - results.length,
    unmatchedRefs: refs.filter((ref) => !usedRefs.has(ref) || ambiguous.has(ref)),
    truncated,
  };
}

/**
 * "Retry" on a failed sync: puts the failed push back in the queue (the same message, so it can
 * never be sent twice), or queues the order's current status again when that message is gone.
 */
export async function retryStatusPush(member: Member, input: { orderId: string; version: number }): Promise<{ version: number }> {
  const storeId = member.store.id;
  return db.$transaction(async (tx) => {
    const order = (await lockOrders(tx, storeId, [input.orderId])).get(input.orderId);
    if (!order) throw new AppError("not_found", NO_ORDER);
    if (order.version !== input.version)
      throw new AppError("conflict", "The order changed since you opened it. Check it and try again.");
    if (order.sync !== "failed")
      throw new AppError("conflict", "Its last status change did not fail: there is nothing to retry.");
    if (order.status === "started")
      throw new AppError("invalid_transition", "There is no status change to send for a started order.");
    const now = new Date();
    const requeued = await tx.outboxMessage.updateMany({
      where: {
        storeId,
        dedupeKey: DEDUPE_KEY.push_status({ orderId: order.id, version: order.version }),
        status: "dead",
      },
      data: { status: "pending", availableAt: now, leaseUntil: null },
    });
    let version = order.version;
    if (requeued.count === 0) version = await requeueCurrentStatus(tx, storeId, member, order, now);
    await tx.order.update({ where: { id: order.id }, data: { sync: "pending", syncError: null, version } });
    await tx.orderEvent.create({
      data: {
        storeId,
        orderId: order.id,
        type: "status_retry_requested",
        actorUserId: member.user.id,
        actor: member.user.name,
        createdAt: now,
        data: { status: order.status, failedError: order.syncError, version, requeued: requeued.count > 0 },
      },
    });
    return { version };
  });
}

async function requeueCurrentStatus(
  tx: Tx,
  storeId: string,
  member: Member,
  order: { id: string; tribemadeOrderId: string; status: string; version: number; trackingUrl: string | null },
  now: Date,
): Promise<number> {
  const version = order.version + 1;
  const row = pushStatusRow(
    storeId,
    {
      orderId: order.id,
      tribemadeOrderId: order.tribemadeOrderId,
      status: order.status as TargetStatus,
      trackingUrl: order.status === "dispatched" ? order.trackingUrl : null,
      version,
      requestEventId: "0",
      requestedBy: member.user.id,
    },
    now,
  );
  await tx.outboxMessage.createMany({ data: [{ ...row, availableAt: now }], skipDuplicates: true });
  return version;
}

/**
 * The store rule, for the outbox's verify_order handler: once TribeMade confirms a new order, and
 * the store has the rule on, mark it processing in the handler's transaction, as TribeMade's
 * reference receiver does on receipt. The push leaves at once (no one to undo it). Returns the
 * change, or null when the rule is off or the order is no longer `started`.
 */
export async function markProcessingByRule(tx: Tx, order: { id: string; storeId: string }): Promise<Changed | null> {
  const store = await tx.store.findUnique({ where: { id: order.storeId }, select: { autoProcessNewOrders: true } });
  if (!store?.autoProcessNewOrders) return null;
  const current = await tx.order.findFirst({
    where: { id: order.id, storeId: order.storeId },
    select: { status: true, version: true },
  });
  if (current?.status !== "started") return null;
  const now = new Date();
  const [result] = await applyStatusChanges(tx, {
    storeId: order.storeId,
    actor: RULE_ACTOR,
    source: "rule",
    requests: [{ orderId: order.id, expectedVersion: current.version, status: "processing", trackingUrl: null }],
    availableAt: now,
    now,
  });
  return result?.outcome === "changed" ? result : null;
}

/**
 * The store rule for a drain batch (system work): every order TribeMade just verified, in stores
 * with the rule on, still `started`, is marked processing, one transaction per store. Orders that
 * moved on meanwhile are left alone by the transition rules. Returns the changes made.
 */
export async function applyStoreRule(verified: Array<{ storeId: string; orderId: string }>): Promise<Changed[]> {
  if (verified.length === 0) return [];
  const stores = await db.store.findMany({
    where: { id: { in: [...new Set(verified.map((v) => v.storeId))] }, autoProcessNewOrders: true },
    select: { id: true },
  });
  const changed: Changed[] = [];
  for (const { id: storeId } of stores) {
    const now = new Date();
    const requests = verified
      .filter((v) => v.storeId === storeId)
      .map((v) => ({ orderId: v.orderId, expectedVersion: null, status: "processing" as const, trackingUrl: null }));
    const results = await db.$transaction((tx) =>
      applyStatusChanges(tx, { storeId, actor: RULE_ACTOR, source: "rule", requests, availableAt: now, now }),
    );
    changed.push(...results.filter((r): r is Changed => r.outcome === "changed"));
  }
  return changed;
}

/** Owners turn the store rule on or off. */
export async function setAutoProcessNewOrders(owner: Owner, enabled: boolean): Promise<void> {
  await db.store.update({ where: { id: owner.store.id }, data: { autoProcessNewOrders: enabled }, select: { id: true } });
}
