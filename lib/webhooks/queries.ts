import "server-only";
import type { Member } from "@/lib/auth/require-member";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/app-error";
import {
  RANGE_MS,
  type DeliveryDetailDto,
  type DeliveryListQuery,
  type DeliveryPageDto,
  type DeliveryRowDto,
  type EndpointDto,
} from "@/lib/webhooks/schemas";
import type { FieldIssue } from "@/lib/webhooks/payload-schema";

// Reads for the webhooks inspector. Every function takes the caller's Member (from requireMember()
// in the route, page or action) and never returns a row of another store.

const ROW_SELECT = {
  id: true,
  receivedAt: true,
  outcome: true,
  reason: true,
  orderRef: true,
  orderId: true,
  ackMs: true,
  bodySize: true,
  replayOfId: true,
  endpointId: true,
  endpoint: { select: { label: true } },
  order: { select: { customerName: true } },
} satisfies Prisma.WebhookDeliverySelect;

type RowRecord = Prisma.WebhookDeliveryGetPayload<{ select: typeof ROW_SELECT }>;

function toRow(record: RowRecord): DeliveryRowDto {
  return {
    id: record.id,
    receivedAt: record.receivedAt.toISOString(),
    outcome: record.outcome,
    reason: record.reason,
    orderRef: record.orderRef,
    orderId: record.orderId,
    customerName: record.order?.customerName ?? null,
    endpointId: record.endpointId,
    endpointLabel: record.endpoint.label,
    ackMs: record.ackMs,
    bodySize: record.bodySize,
    replayOfId: record.replayOfId,
  };
}

/** Cursor = the last row's (receivedAt, id): the list's sort key, so pages never skip or repeat. */
export function encodeCursor(row: { receivedAt: string; id: string }): string {
  return Buffer.from(`${row.receivedAt}|${row.id}`).toString("base64url");
}

function decodeCursor(cursor: string): { receivedAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const receivedAt = new Date(at ?? "");
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(receivedAt.getTime())) {
    throw new AppError("validation_failed", "The page cursor is not valid.", [{ path: "cursor", message: "is not valid" }]);
  }
  return { receivedAt, id };
}

/** Orders searched by phone digits; customers type "+91 98450 12345", "098450-12345" or "9845012345". */
const PHONE_MATCH_LIMIT = 500;

async function ordersByPhoneDigits(storeId: string, digits: string): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM "Order"
    WHERE "storeId" = ${storeId}::uuid AND regexp_replace("customerPhone", '[^0-9]', '', 'g') LIKE ${`%${digits}%`}
    ORDER BY "receivedAt" DESC LIMIT ${PHONE_MATCH_LIMIT}`;
  return rows.map((row) => row.id);
}

async function searchWhere(storeId: string, q: string): Promise<Prisma.WebhookDeliveryWhereInput> {
  const or: Prisma.WebhookDeliveryWhereInput[] = [
    { orderRef: { startsWith: q.toLowerCase() } },
    { order: { customerEmail: { contains: q, mode: "insensitive" } } },
    { order: { customerName: { contains: q, mode: "insensitive" } } },
  ];
  // The last 10 digits: a national number with or without +91 / a leading 0.
  const digits = q.replace(/\D/g, "").slice(-10);
  if (digits.length >= 4 && /^[\d\s()+-]+$/.test(q)) or.push({ orderId: { in: await ordersByPhoneDigits(storeId, digits) } });
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(q)) or.push({ id: q.toLowerCase() });
  return { OR: or };
}

/** Newest first, filtered, one page at a time. */
export async function listDeliveries(member: Member, query: DeliveryListQuery, now = new Date()): Promise<DeliveryPageDto> {
  const storeId = member.store.id;
  const and: Prisma.WebhookDeliveryWhereInput[] = [{ storeId }];
  if (query.outcome) and.push({ outcome: query.outcome });
  if (query.endpoint) and.push({ endpointId: query.endpoint });
  if (query.reason) and.push({ reason: query.reason });
  if (query.range !== "all") and.push({ receivedAt: { gte: new Date(now.getTime() - RANGE_MS[query.range]) } });
  if (query.q) and.push(await searchWhere(storeId, query.q));
  if (query.cursor) {
    const { receivedAt, id } = decodeCursor(query.cursor);
    and.push({ OR: [{ receivedAt: { lt: receivedAt } }, { receivedAt, id: { lt: id } }] });
  }
  const records = await db.webhookDelivery.findMany({
    where: { AND: and },
    orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: ROW_SELECT,
  });
  const items = records.slice(0, query.limit).map(toRow);
  const last = items.at(-1);
  return { items, nextCursor: records.length > query.limit && last ? encodeCursor(last) : null };
}

const RELATED_LIMIT = 25;

function issues(value: Prisma.JsonValue | null): FieldIssue[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) =>
    item && typeof item === "object" && !Array.isArray(item) && typeof item.message === "string"
      ? [{ path: typeof item.path === "string" ? item.path : "", message: item.message }]
      : [],
  );
}

function strings(value: Prisma.JsonValue | null): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

function headerRecord(value: Prisma.JsonValue): Record<string, string> {
  const out: Record<string, string> = {};
  if (!value || typeof value !== "object" || Array.isArray(value)) return out;
  for (const [name, header] of Object.entries(value)) {
    if (typeof header === "string") Object.defineProperty(out, name, { value: header, enumerable: true });
  }
  return out;
}

/** One delivery with its body and headers; not_found for another store's id. */
export async function getDeliveryOrThrow(member: Member, deliveryId: string): Promise<DeliveryDetailDto> {
  const storeId = member.store.id;
  const record = await db.webhookDelivery.findFirst({
    where: { id: deliveryId, storeId },
    select: {
      ...ROW_SELECT,
      headers: true,
      body: true,
      bodySha256: true,
      errors: true,
      warnings: true,
      endpoint: { select: { label: true, revokedAt: true } },
      order: { select: { id: true, tribemadeOrderId: true, customerName: true, status: true } },
    },
  });
  if (!record) throw new AppError("not_found", "That delivery does not exist in this store.");
  const related = record.orderRef
    ? await db.webhookDelivery.findMany({
        where: { storeId, orderRef: record.orderRef, id: { not: record.id } },
        orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
        take: RELATED_LIMIT,
        select: ROW_SELECT,
      })
    : [];
  return {
    ...toRow(record),
    headers: headerRecord(record.headers),
    bodyBase64: Buffer.from(record.body).toString("base64"),
    bodySha256: record.bodySha256,
    errors: issues(record.errors),
    warnings: strings(record.warnings),
    endpointRevoked: record.endpoint.revokedAt !== null,
    order: record.order,
    related: related.map(toRow),
  };
}

/** What a replay needs: the stored bytes and where they arrived. */
export async function getDeliveryForReplayOrThrow(member: Member, deliveryId: string) {
  const record = await db.webhookDelivery.findFirst({
    where: { id: deliveryId, storeId: member.store.id },
    select: { id: true, storeId: true, endpointId: true, headers: true, body: true, reason: true },
  });
  if (!record) throw new AppError("not_found", "That delivery does not exist in this store.");
  return { ...record, headers: headerRecord(record.headers) };
}

export const DAY_MS = 86_400_000;

/** Every endpoint of the store, active ones first, with its deliveries in the last 24 h. */
export async function listEndpoints(member: Member, now = new Date()): Promise<EndpointDto[]> {
  const storeId = member.store.id;
  const [endpoints, counts] = await Promise.all([
    db.webhookEndpoint.findMany({
      where: { storeId },
      orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
      select: { id: true, label: true, createdAt: true, revokedAt: true, lastUsedAt: true },
    }),
    db.webhookDelivery.groupBy({
      by: ["endpointId"],
      where: { storeId, receivedAt: { gte: new Date(now.getTime() - DAY_MS) } },
      _count: { _all: true },
    }),
  ]);
  const perEndpoint = new Map(counts.map((row) => [row.endpointId, row._count._all]));
  return endpoints.map((endpoint) => ({
    id: endpoint.id,
    label: endpoint.label,
    createdAt: endpoint.createdAt.toISOString(),
    revokedAt: endpoint.revokedAt?.toISOString() ?? null,
    lastUsedAt: endpoint.lastUsedAt?.toISOString() ?? null,
    deliveries24h: perEndpoint.get(endpoint.id) ?? 0,
  }));
}
