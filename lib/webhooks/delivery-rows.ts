import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DeliveryRowDto } from "@/lib/webhooks/schemas";

// The inspector's page as one statement: the page's ids (lib/webhooks/delivery-page.ts) joined to
// the rows, their endpoint's label and their order's customer name. Reading the rows by id with a
// Prisma relation query afterwards cost three more round trips (the deliveries, then the endpoints
// and the orders), as much as the search itself once it reads a page (docs/search.md).

/** Rows of `pageSql` (ids, newest first, limit + 1 of them) over the store's deliveries. */
export function deliveryRowsSql(storeId: string, pageSql: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT d.id::text AS id, d."receivedAt", d.outcome::text AS outcome, d.reason, d."orderRef",
      d."orderId"::text AS "orderId", o."customerName", d."endpointId"::text AS "endpointId",
      e.label AS "endpointLabel", d."ackMs", d."bodySize", d."replayOfId"::text AS "replayOfId"
    FROM (${pageSql}) p
    JOIN "WebhookDelivery" d ON d.id = p.id AND d."storeId" = ${storeId}::uuid
    JOIN "WebhookEndpoint" e ON e.id = d."endpointId"
    LEFT JOIN "Order" o ON o.id = d."orderId"
    ORDER BY d."receivedAt" DESC, d.id DESC`;
}

export type DeliveryRowRecord = Omit<DeliveryRowDto, "receivedAt"> & { receivedAt: Date };

export function toDeliveryRow(record: DeliveryRowRecord): DeliveryRowDto {
  return { ...record, receivedAt: record.receivedAt.toISOString() };
}
