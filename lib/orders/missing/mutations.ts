import "server-only";
import { randomUUID } from "node:crypto";
import type { Member } from "@/lib/auth/require-member";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { fetchOrderRow } from "@/lib/orders/outbox/messages";
import { missingOrderResults } from "@/lib/orders/missing/queries";
import type { MissingOrdersDto } from "@/lib/orders/missing/schemas";

// "Add missing orders": ids the desk already has are answered at once (with a link); the others
// each get a fetch_order outbox message (lib/orders/outbox/fetch-order.ts), drained within the
// store's GET budget. The dialog then reads the submission's progress (queries.ts).

export async function addMissingOrders(member: Member, ids: string[]): Promise<MissingOrdersDto> {
  const store = await db.store.findUniqueOrThrow({ where: { id: member.store.id }, select: { apiKeyLast4: true } });
  if (!store.apiKeyLast4) {
    throw new AppError("conflict", "Add your TribeMade API key in Settings first: orders are read from TribeMade with it.");
  }
  const known = await db.order.findMany({
    where: { storeId: member.store.id, tribemadeOrderId: { in: ids } },
    select: { tribemadeOrderId: true },
  });
  const have = new Set(known.map((order) => order.tribemadeOrderId));
  const requestId = randomUUID();
  const addedBy = { userId: member.user.id, name: member.user.name || member.user.email };
  const rows = ids
    .filter((id) => !have.has(id))
    .map((tribemadeOrderId) => fetchOrderRow(member.store.id, { tribemadeOrderId, addedBy, requestId }));
  if (rows.length > 0) await db.outboxMessage.createMany({ data: rows, skipDuplicates: true });
  return { requestId, results: await missingOrderResults(member, requestId, ids) };
}
