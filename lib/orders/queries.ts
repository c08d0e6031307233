import "server-only";
import type { Member } from "@/lib/auth/require-member";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/app-error";
import { istDay, istDayStart } from "@/lib/orders/ist-days";
import { readOrderDetails } from "@/lib/orders/order-details";
import {
  OPEN_STATUSES,
  PROCESS_WITHIN_MS,
  type DeliveryRefDto,
  type OrderCountsDto,
  type OrderDetailDto,
  type OrderFilters,
  type OrderGlanceDto,
  type OrderListQuery,
  type OrderPageDto,
  type OrderRowDto,
  type TimelineEntryDto,
} from "@/lib/orders/schemas";
import { encodeCursor } from "@/lib/search/keyset";
import { orderCountsSql, orderPageSql } from "@/lib/orders/order-page";
import { tagsOfOrders } from "@/lib/orders/order-tags";

// Reads for the orders feed, the order page and the glance above the feed. Every function takes the
// caller's Member (requireMember() in the route or page) and reads only member.store.id's rows.

export const ROW_SELECT = {
  id: true,
  tribemadeOrderId: true,
  status: true,
  verification: true,
  sync: true,
  syncError: true,
  version: true,
  customerName: true,
  customerPincode: true,
  productId: true,
  productName: true,
  productImage: true,
  quantity: true,
  amount: true,
  trackingUrl: true,
  placedAt: true,
  receivedAt: true,
  updatedAt: true,
  printedAt: true,
  // The repeat-buyer badge: two of the order's own columns, no join.
  customerId: true,
  customerOrdinal: true,
} satisfies Prisma.OrderSelect;

type RowRecord = Prisma.OrderGetPayload<{ select: typeof ROW_SELECT }>;

/** The rows and the merchant's tags on them, read side by side (lib/orders/order-tags.ts says why). */
async function rowsWithTags<T>(storeId: string, ids: string[], read: Promise<T[]>) {
  const [records, tags] = await Promise.all([read, tagsOfOrders(storeId, ids)]);
  return { records, tagsOf: (id: string) => tags.get(id) ?? [] };
}

export function toOrderRow(record: RowRecord, tags: OrderRowDto["tags"]): OrderRowDto {
  return {
    ...record,
    tags,
    amount: record.amount.toFixed(2),
    placedAt: record.placedAt?.toISOString() ?? null,
    receivedAt: record.receivedAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    printedAt: record.printedAt?.toISOString() ?? null,
  };
}

/**
 * The store's orders among `ids`, in that order (ids of other stores are skipped). Takes only the
 * store: the live feed's hub reads once for every member's stream of the store (lib/orders/feed-hub.ts).
 */
export async function getOrderRows(member: { store: Pick<Member["store"], "id"> }, ids: string[]): Promise<OrderRowDto[]> {
  if (ids.length === 0) return [];
  const storeId = member.store.id;
  const { records, tagsOf } = await rowsWithTags(
    storeId,
    ids,
    db.order.findMany({ where: { id: { in: ids }, storeId }, select: ROW_SELECT }),
  );
  const byId = new Map(records.map((record) => [record.id, record]));
  return ids.flatMap((id) => {
    const record = byId.get(id);
    return record ? [toOrderRow(record, tagsOf(id))] : [];
  });
}

/** The ids of one page of the feed, newest first, from one index-served statement (lib/search). */
export async function findOrderIds(
  member: Member,
  query: OrderListQuery,
  now = new Date(),
): Promise<{ ids: string[]; more: boolean }> {
  const sql = orderPageSql(member.store.id, query, now);
  if (!sql) return { ids: [], more: false };
  const page = await db.$queryRaw<Array<{ id: string }>>(sql);
  return { ids: page.slice(0, query.limit).map((row) => row.id), more: page.length > query.limit };
}

/** One page of the feed, newest first. */
export async function listOrders(member: Member, query: OrderListQuery, now = new Date()): Promise<OrderPageDto> {
  const { ids, more } = await findOrderIds(member, query, now);
  const items = await getOrderRows(member, ids);
  const last = items.at(-1);
  return { items, nextCursor: more && last ? encodeCursor(last) : null };
}

/** What the CSV has beyond a feed row, for the store's orders among `ids`, in that order. */
export async function getOrdersForExport(member: Member, ids: string[]) {
  if (ids.length === 0) return [];
  const storeId = member.store.id;
  const { records, tagsOf } = await rowsWithTags(
    storeId,
    ids,
    db.order.findMany({
      where: { id: { in: ids }, storeId },
      select: { ...ROW_SELECT, customerEmail: true, customerPhone: true, customerAddress: true, payload: true, tribemade: true },
    }),
  );
  const byId = new Map(records.map((record) => [record.id, record]));
  return ids.flatMap((id) => {
    const record = byId.get(id);
    if (!record) return [];
    const { payload, tribemade, customerEmail, customerPhone, customerAddress } = record;
    const details = readOrderDetails(payload, tribemade);
    return [{ ...toOrderRow(record, tagsOf(id)), customerEmail, customerPhone, customerAddress, ...details }];
  });
}

/** The open statuses' counts under the other filters (the status tabs). */
export async function countOpenOrders(member: Member, filters: OrderFilters, now = new Date()): Promise<OrderCountsDto> {
  const counts: OrderCountsDto = { started: 0, processing: 0, dispatched: 0 };
  const sql = orderCountsSql(member.store.id, filters, now);
  if (!sql) return counts;
  for (const row of await db.$queryRaw<Array<{ status: string; count: number }>>(sql)) {
    if ((OPEN_STATUSES as readonly string[]).includes(row.status)) counts[row.status as keyof OrderCountsDto] = row.count;
  }
  return counts;
}

/** Today (IST) and the work waiting, for the glance above the feed: five small index reads. */
export async function getOrderGlance(member: Member, now = new Date()): Promise<OrderGlanceDto> {
  const storeId = member.store.id;
  const todayStart = istDayStart(istDay(now));
  const overdueBefore = new Date(now.getTime() - PROCESS_WITHIN_MS);
  const visible = { storeId, verification: { not: "not_found" as const } };
  const [today, toProcess, overdue, failedSyncs, deadMessages] = await Promise.all([
    db.order.aggregate({
      where: { ...visible, receivedAt: { gte: todayStart } },
      _count: { _all: true },
      _sum: { amount: true },
    }),
    db.order.count({ where: { ...visible, status: "started" } }),
    db.order.count({ where: { ...visible, status: "started", receivedAt: { lt: overdueBefore } } }),
    db.order.count({ where: { ...visible, sync: "failed" } }),
    db.outboxMessage.count({ where: { storeId, status: "dead" } }),
  ]);
  return {
    today: { orders: today._count._all, revenue: (today._sum.amount ?? new Prisma.Decimal(0)).toFixed(2) },
    toProcess,
    overdue,
    failedSyncs,
    deadMessages,
  };
}

/** Events and deliveries beyond this are not one order's story; the page says it is cut short. */
const TIMELINE_LIMIT = 500;

/** One order with everything the order page shows; not_found for another store's id. */
export async function getOrderOrThrow(member: Member, orderId: string): Promise<OrderDetailDto> {
  const storeId = member.store.id;
  const record = await db.order.findFirst({
    where: { id: orderId, storeId },
    select: {
      ...ROW_SELECT,
      customerEmail: true,
      customerPhone: true,
      customerAddress: true,
      payload: true,
      tribemade: true,
      rating: true,
      review: true,
      verificationDiff: true,
      verifiedAt: true,
      lastRefreshedAt: true,
      addedBy: true,
    },
  });
  if (!record) throw new AppError("not_found", "That order does not exist in this store.");
  const [events, deliveries, notes, tags] = await Promise.all([
    db.orderEvent.findMany({
      where: { orderId, storeId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: TIMELINE_LIMIT,
      select: { id: true, createdAt: true, type: true, actor: true, data: true },
    }),
    db.webhookDelivery.findMany({
      where: { orderId, storeId },
      orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
      take: TIMELINE_LIMIT,
      select: { id: true, receivedAt: true, outcome: true, ackMs: true, replayOfId: true, endpoint: { select: { label: true } } },
    }),
    // Internal notes (lib/customers writes them) are part of the order's story.
    db.note.findMany({
      where: { orderId, storeId },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: TIMELINE_LIMIT,
      select: { id: true, body: true, authorId: true, authorName: true, createdAt: true, editedAt: true },
    }),
    tagsOfOrders(storeId, [orderId]),
  ]);
  const { payload, tribemade, customerEmail, customerPhone, customerAddress, rating, review, verificationDiff } = record;
  return {
    ...toOrderRow(record, tags.get(orderId) ?? []),
    customerEmail,
    customerPhone,
    customerAddress,
    ...readOrderDetails(payload, tribemade),
    rating,
    review,
    verificationDiff,
    verifiedAt: record.verifiedAt?.toISOString() ?? null,
    lastRefreshedAt: record.lastRefreshedAt?.toISOString() ?? null,
    addedBy: record.addedBy,
    timeline: buildTimeline(
      events,
      notes.map((note) => ({
        ...note,
        createdAt: note.createdAt.toISOString(),
        editedAt: note.editedAt?.toISOString() ?? null,
      })),
      deliveries.map((delivery) => ({
        id: delivery.id,
        receivedAt: delivery.receivedAt.toISOString(),
        outcome: delivery.outcome,
        endpointLabel: delivery.endpoint.label,
        ackMs: delivery.ackMs,
        replay: delivery.replayOfId !== null,
      })),
    ),
  };
}

type NoteRef = Extract<TimelineEntryDto, { kind: "note" }>["note"];
type EventRecord = { id: bigint; createdAt: Date; type: string; actor: string; data: Prisma.JsonValue };

/** Events in order, each delivery attached to the event that records it; deliveries without one stand alone. */
function buildTimeline(events: EventRecord[], notes: NoteRef[], deliveries: DeliveryRefDto[]): TimelineEntryDto[] {
  const byId = new Map(deliveries.map((delivery) => [delivery.id, delivery]));
  const attached = new Set<string>();
  const entries: TimelineEntryDto[] = events.map((event) => {
    const deliveryId = readDeliveryId(event.data);
    const delivery = deliveryId ? (byId.get(deliveryId) ?? null) : null;
    if (delivery) attached.add(delivery.id);
    return {
      kind: "event",
      id: `event-${event.id}`,
      at: event.createdAt.toISOString(),
      type: event.type,
      actor: event.actor,
      data: event.data,
      delivery,
    };
  });
  for (const delivery of deliveries) {
    if (!attached.has(delivery.id))
      entries.push({ kind: "delivery", id: `delivery-${delivery.id}`, at: delivery.receivedAt, delivery });
  }
  for (const note of notes) entries.push({ kind: "note", id: `note-${note.id}`, at: note.createdAt, note });
  return entries.sort((a, b) => (a.at === b.at ? 0 : a.at < b.at ? -1 : 1));
}

function readDeliveryId(data: Prisma.JsonValue): string | null {
  if (!data || typeof data !== "object" || Array.isArray(data)) return null;
  const value = data.deliveryId;
  return typeof value === "string" ? value : null;
}
