import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { likePrefix, orderMatchSql } from "@/lib/search/order-match";
import type { SearchTerms } from "@/lib/search/terms";

// "This delivery matches the search" as two conditions, each for its own statement of the page's
// UNION (lib/webhooks/delivery-page.ts):
//   - own: for `"WebhookDelivery" AS <alias>` alone: the order id it carried (rejected deliveries
//     too; lower("orderRef") is the index's expression) or its own id;
//   - customer: for the same delivery joined to its order `"Order" AS o`: the customer kinds.
// Kept apart so the planner costs each with its own LIMIT: a common word ("Pillai", one order in
// ten) walks the deliveries newest first and probes each one's order by primary key, stopping after
// a page of matches; a rare one (a whole name, an email) looks its orders up by index and then
// their deliveries by orderId. One OR-ed condition made the planner build the array of every
// matching order (issue 27: 283 ms median at 196,000 deliveries).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type DeliveryMatch = { own: Prisma.Sql | null; customer: Prisma.Sql | null };

/** null when the text can match nothing in either way. */
export function deliveryMatchSql(terms: SearchTerms, alias = "d"): DeliveryMatch | null {
  const column = (name: string) => Prisma.raw(`${alias}."${name}"`);
  const own: Prisma.Sql[] = [];
  if (terms.orderId) own.push(Prisma.sql`lower(${column("orderRef")}) LIKE ${likePrefix(terms.orderId.dashed)}`);
  if (UUID.test(terms.text)) own.push(Prisma.sql`${column("id")} = ${terms.text.toLowerCase()}::uuid`);
  const customer = orderMatchSql(terms, "o", { orderId: false });
  if (own.length === 0 && !customer) return null;
  return { own: own.length > 0 ? Prisma.sql`(${Prisma.join(own, " OR ")})` : null, customer };
}
