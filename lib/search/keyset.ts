import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/app-error";

// Cursor paging for the newest-first lists (orders, deliveries): the cursor is the last row's sort
// key (receivedAt, id), so a page never skips or repeats a row while new ones arrive, and a deep
// page costs what the first one does (an index range, not an OFFSET).

export type Keyset = { receivedAt: Date; id: string };

export function encodeCursor(row: { receivedAt: string | Date; id: string }): string {
  const at = row.receivedAt instanceof Date ? row.receivedAt.toISOString() : row.receivedAt;
  return Buffer.from(`${at}|${row.id}`).toString("base64url");
}

/** Throws AppError validation_failed for a cursor this app did not make. */
export function decodeCursor(cursor: string): Keyset {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const receivedAt = new Date(at ?? "");
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(receivedAt.getTime())) {
    throw new AppError("validation_failed", "The page cursor is not valid.", [{ path: "cursor", message: "is not valid" }]);
  }
  return { receivedAt, id };
}

/**
 * Rows after the cursor in (receivedAt DESC, id DESC) order. Written as a range on receivedAt plus a
 * tie-break, so the (storeId, …, receivedAt DESC) indexes serve it as an index condition.
 */
export function afterCursorSql(alias: string, cursor: Keyset): Prisma.Sql {
  const at = Prisma.raw(`${alias}."receivedAt"`);
  const id = Prisma.raw(`${alias}.id`);
  // An ISO string with its offset and an explicit cast: never read in the session's time zone.
  const time = cursor.receivedAt.toISOString();
  return Prisma.sql`${at} <= ${time}::timestamptz AND (${at} < ${time}::timestamptz OR ${id} < ${cursor.id}::uuid)`;
}

/** ORDER BY for the newest-first lists. */
export const NEWEST_FIRST = (alias: string) => Prisma.raw(`${alias}."receivedAt" DESC, ${alias}.id DESC`);
