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
import { readOrderPage, readOrderRows, ROW_COLUMNS } from "@/lib/orders/order-rows";

// Reads for the orders feed, the order page and the glance above the feed. Every function takes the
// caller's Member (requireMember() in the route or page) and reads only member.store.id's rows.

/**
 * The store's orders among `ids`, in that order (ids of other stores are skipped). Takes only the
 * store: the live feed's hub reads once for every member's stream of the store (lib/orders/feed-hub.ts).
 */
export async function getOrderRows(member: { store: Pick<Member["store"], "id"> }, ids: string[]): Promise<OrderRowDto[]> {
  return readOrderRows(member.store.id, ids);
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

/** One page of the feed, newest first: one statement (lib/orders/order-rows.ts). */
export async function listOrders(member: Member, query: OrderListQuery, now = new Date()): Promise<OrderPageDto> {
  const sql = orderPageSql(member.store.id, query, now, ROW_COLUMNS);
  if (!sql) return { items: [], nextCursor: null };
  const page = await readOrderPage(sql);
  const items = page.slice(0, query.limit);
  const last = items.at(-1);
  return { items, nextCursor: page.length > query.limit && last ? encodeCursor(last) : null };
}

/** What the CSV has beyond a feed row, for the store's orders among `ids`, in that order. */
export async function getOrdersForExport(member: Member, ids: string[]) {
  const rows = await readOrderRows<ContactColumns & { payload: Prisma.JsonValue; tribemade: Prisma.JsonValue }>(
    member.store.id,
    ids,
    Prisma.sql`, ${CONTACT_COLUMNS}, o.payload, o.tribemade`,
  );
  return rows.map(({ payload, tribemade, ...row }) => ({ ...row, ...readOrderDetails(payload, tribemade) }));
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

/** What the order page and the CSV show beyond a feed row: the customer's contact columns. */
const CONTACT_COLUMNS = Prisma.sql`o."customerEmail", o."customerPhone", o."customerAddress"`;
type ContactColumns = { customerEmail: string; customerPhone: string; customerAddress: string | null };

type DetailColumns = ContactColumns & {
  payload: Prisma.JsonValue;
  tribemade: Prisma.JsonValue;
  rating: number | null;
  review: string | null;
  verificationDiff: Prisma.JsonValue;
  verifiedAt: Date | null;
  lastRefreshedAt: Date | null;
  addedBy: string | null;
};

/** One order with everything the order page shows; not_found for another store's id. */
export async function getOrderOrThrow(member: Member, orderId: string): Promise<OrderDetailDto> {
  const storeId = member.store.id;
  // The row and its story in parallel: each read is scoped to the store, so another store's id
  // finds nothing anywhere.
  const [[record], events, deliveries, notes] = await Promise.all([
    readOrderRows<DetailColumns>(
      storeId,
      [orderId],
      Prisma.sql`, ${CONTACT_COLUMNS}, o.payload, o.tribemade, o.rating, o.review, o."verificationDiff",
        o."verifiedAt", o."lastRefreshedAt", o."addedBy"`,
    ),
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
  ]);
  if (!record) throw new AppError("not_found", "That order does not exist in this store.");
  const { payload, tribemade, rating, review, verificationDiff, verifiedAt, lastRefreshedAt, ...row } = record;
  return {
    ...row,
    ...readOrderDetails(payload, tribemade),
    rating,
    review,
    verificationDiff,
    verifiedAt: verifiedAt?.toISOString() ?? null,
    lastRefreshedAt: lastRefreshedAt?.toISOString() ?? null,
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
