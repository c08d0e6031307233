import "server-only";
import type { Member } from "@/lib/auth/require-member";
import { db } from "@/lib/db";
import { NOT_KNOWN_ERROR } from "@/lib/orders/outbox/fetch-order";
import type { MissingOrderResult, MissingOrdersDto } from "@/lib/orders/missing/schemas";

// Progress of one "Add missing orders" submission: its fetch_order messages (found by the
// submission's id in their dedupe key, within the caller's store) and the orders the desk has.

export async function missingOrdersProgress(member: Member, requestId: string): Promise<MissingOrdersDto> {
  return { requestId, results: await missingOrderResults(member, requestId) };
}

/** `ids` given: also the ids of the submission that needed no message (already known). */
export async function missingOrderResults(member: Member, requestId: string, ids?: string[]): Promise<MissingOrderResult[]> {
  const storeId = member.store.id;
  const messages = await db.outboxMessage.findMany({
    where: { storeId, kind: "fetch_order", dedupeKey: { startsWith: `fetch:${requestId}:` } },
    select: { dedupeKey: true, status: true, lastError: true },
  });
  const byId = new Map(messages.map((message) => [message.dedupeKey?.split(":")[2] ?? "", message]));
  const all = ids ?? [...byId.keys()].sort();
  const orders = await db.order.findMany({
    where: { storeId, tribemadeOrderId: { in: all } },
    select: { id: true, tribemadeOrderId: true },
  });
  const orderOf = new Map(orders.map((order) => [order.tribemadeOrderId, order.id]));
  return all.map((tribemadeOrderId): MissingOrderResult => {
    const message = byId.get(tribemadeOrderId);
    const orderId = orderOf.get(tribemadeOrderId) ?? null;
    if (!message) return { tribemadeOrderId, state: "known", orderId, error: null };
    if (message.status === "done") return { tribemadeOrderId, state: orderId ? "added" : "failed", orderId, error: null };
    if (message.status === "dead") {
      const notKnown = message.lastError === NOT_KNOWN_ERROR;
      return { tribemadeOrderId, state: notKnown ? "not_found" : "failed", orderId, error: notKnown ? null : message.lastError };
    }
    return { tribemadeOrderId, state: "queued", orderId, error: message.lastError };
  });
}
