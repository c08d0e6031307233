import "server-only";
import type { Member } from "@/lib/auth/require-member";
import { db, pgPool } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/app-error";
import {
  deliveryPageStatements,
  SEARCH_SESSION_SQL,
  type CreatedRow,
  type DeliveryPageStatements,
} from "@/lib/webhooks/delivery-page";
import { deliveryRowsSql, toDeliveryRow, type DeliveryRowRecord } from "@/lib/webhooks/delivery-rows";
import { encodeCursor } from "@/lib/search/keyset";
import {
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

/** Newest first, filtered, one page at a time: the page's ids from lib/search and their rows. */
export async function listDeliveries(member: Member, query: DeliveryListQuery, now = new Date()): Promise<DeliveryPageDto> {
  const storeId = member.store.id;
  const statements = deliveryPageStatements(storeId, query, now);
  if (!statements) return { items: [], nextCursor: null };
  const page = query.q
    ? await readSearchPage(storeId, statements)
    : await db.$queryRaw<DeliveryRowRecord[]>(deliveryRowsSql(storeId, statements.page([])));
  const items = page.slice(0, query.limit).map(toDeliveryRow);
  const last = items.at(-1);
  return { items, nextCursor: page.length > query.limit && last ? encodeCursor(last) : null };
}

/**
 * A search's statements in one transaction without parallel workers (SEARCH_SESSION_SQL), the
 * second built from the first's rows. On a pg connection: Prisma's interactive transaction, the
 * only way to run a statement built from an earlier one's rows, cost 7 ms where these round trips
 * cost under 2.
 */
async function readSearchPage(storeId: string, statements: DeliveryPageStatements): Promise<DeliveryRowRecord[]> {
  const client = await pgPool.connect();
  try {
    await client.query(`BEGIN; ${SEARCH_SESSION_SQL}`);
    const created = statements.created
      ? (await client.query<CreatedRow>(statements.created.text, statements.created.values)).rows
      : [];
    const rows = deliveryRowsSql(storeId, statements.page(created));
    const { rows: page } = await client.query<DeliveryRowRecord>(rows.text, rows.values);
    await client.query("COMMIT");
    return page;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
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
      purgedAt: true,
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
    purgedAt: record.purgedAt?.toISOString() ?? null,
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
    select: { id: true, storeId: true, endpointId: true, headers: true, body: true, reason: true, purgedAt: true },
  });
  if (!record) throw new AppError("not_found", "That delivery does not exist in this store.");
  if (record.purgedAt) {
    throw new AppError("conflict", "Retention purged this delivery's body and headers: there is nothing left to replay.");
  }
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
