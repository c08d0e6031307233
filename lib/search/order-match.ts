import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SearchTerms } from "@/lib/search/terms";

// The SQL condition "this order matches the search", for `"Order" AS <alias>`. Each kind is written
// exactly as its index is defined (migration 20261201224222_search_indexes): PostgreSQL uses an
// expression index only for the identical expression, and a LIKE prefix only when the pattern is a
// bound value it can read at planning time (Prisma sends unnamed statements, planned per call).

/** lower("customerEmail"): the email index's expression. */
export const emailKeySql = (alias: string) => Prisma.raw(`lower(${alias}."customerEmail")`);

/** The phone index's expression: the last 10 digits (the national number). */
export const phoneDigitsSql = (alias: string) =>
  Prisma.raw(`right(regexp_replace(${alias}."customerPhone", '[^0-9]', '', 'g'), 10)`);

/** A LIKE pattern matching values that start with `prefix` (its own % and _ taken literally). */
export function likePrefix(prefix: string): string {
  return `${escapeLike(prefix)}%`;
}

/** A LIKE/ILIKE pattern matching values that contain `part`. */
export function likeContains(part: string): string {
  return `%${escapeLike(part)}%`;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * `(cond OR cond …)` over the kinds the text can be, or null when none applies. `kinds` leaves some
 * out (the inspector matches order ids on its own column).
 */
export function orderMatchSql(
  terms: SearchTerms,
  alias = "o",
  kinds: { orderId?: boolean } = { orderId: true },
): Prisma.Sql | null {
  const column = (name: string) => Prisma.raw(`${alias}."${name}"`);
  const conditions: Prisma.Sql[] = [];
  if (terms.orderId && kinds.orderId !== false) {
    conditions.push(Prisma.sql`${column("tribemadeOrderId")} BETWEEN ${terms.orderId.from}::uuid AND ${terms.orderId.to}::uuid`);
  }
  if (terms.emailPrefix) conditions.push(Prisma.sql`${emailKeySql(alias)} LIKE ${likePrefix(terms.emailPrefix)}`);
  if (terms.phonePrefix) conditions.push(Prisma.sql`${phoneDigitsSql(alias)} LIKE ${likePrefix(terms.phonePrefix)}`);
  if (terms.pincode) conditions.push(Prisma.sql`${column("customerPincode")} = ${terms.pincode}`);
  if (terms.name) conditions.push(Prisma.sql`${column("customerName")} ILIKE ${likeContains(terms.name)}`);
  if (conditions.length === 0) return null;
  return Prisma.sql`(${Prisma.join(conditions, " OR ")})`;
}
