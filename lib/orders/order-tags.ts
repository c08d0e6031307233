import "server-only";
import { db } from "@/lib/db";
import type { OrderRowDto } from "@/lib/orders/schemas";

// The merchant's tags on a set of orders, for the feed's rows, the order page and the CSV: one
// statement on OrderTag's (orderId, tagId) key joined to Tag, the orders domain's own SQL over the
// tag tables (lib/customers writes them; docs/architecture.md). Callers issue it beside the rows'
// read, not after it: a nested Prisma relation cost two more round trips in sequence, and the
// feed's first page 2.5× its time (docs/benchmarks.md, customers section).

type OrderTag = OrderRowDto["tags"][number];

/** The tags on each of the store's orders among `orderIds`, by order id, each list by name. */
export async function tagsOfOrders(storeId: string, orderIds: string[]): Promise<Map<string, OrderTag[]>> {
  const byOrder = new Map<string, OrderTag[]>();
  if (orderIds.length === 0) return byOrder;
  const links = await db.$queryRaw<Array<OrderTag & { orderId: string }>>`
    SELECT l."orderId"::text AS "orderId", t.id::text AS id, t.name, t.color
    FROM "OrderTag" l JOIN "Tag" t ON t.id = l."tagId"
    WHERE l."storeId" = ${storeId}::uuid AND l."orderId" = ANY(${orderIds}::uuid[])
    ORDER BY t.name`;
  for (const { orderId, ...tag } of links) byOrder.set(orderId, [...(byOrder.get(orderId) ?? []), tag]);
  return byOrder;
}
