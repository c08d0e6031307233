import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { likePrefix, orderMatchSql } from "@/lib/search/order-match";
import type { SearchTerms } from "@/lib/search/terms";

// "This delivery matches the search", for `"WebhookDelivery" AS <alias>`: by the order id it carried
// (rejected deliveries too; lower("orderRef") is the index's expression), by its own id, or by its
// order's customer. The customer kinds run once as an index search on "Order" whose ids become an
// array (an InitPlan), so the delivery side is an index lookup on orderId per match, OR-ed in one
// bitmap with the orderRef lookup — not a join evaluated per delivery.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function deliveryMatchSql(storeId: string, terms: SearchTerms, alias = "d"): Prisma.Sql | null {
  const column = (name: string) => Prisma.raw(`${alias}."${name}"`);
  const conditions: Prisma.Sql[] = [];
  if (terms.orderId) conditions.push(Prisma.sql`lower(${column("orderRef")}) LIKE ${likePrefix(terms.orderId.dashed)}`);
  if (UUID.test(terms.text)) conditions.push(Prisma.sql`${column("id")} = ${terms.text.toLowerCase()}::uuid`);
  const customer = orderMatchSql(terms, "o", { orderId: false });
  if (customer) {
    conditions.push(
      Prisma.sql`${column("orderId")} = ANY(ARRAY(SELECT o.id FROM "Order" o WHERE o."storeId" = ${storeId}::uuid AND ${customer}))`,
    );
  }
  if (conditions.length === 0) return null;
  return Prisma.sql`(${Prisma.join(conditions, " OR ")})`;
}
