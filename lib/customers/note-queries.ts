import "server-only";
import type { Member } from "@/lib/auth/require-member";
import { NOTE_SELECT, toNote } from "@/lib/customers/note-mutations";
import type { NoteDto } from "@/lib/customers/note-schemas";
import { db } from "@/lib/db";

/** A customer's notes, newest first (the (customerId, createdAt) index). */
export async function listCustomerNotes(member: Member, customerId: string): Promise<NoteDto[]> {
  const rows = await db.note.findMany({
    where: { customerId, storeId: member.store.id },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: NOTE_SELECT,
  });
  return rows.map((row) => {
    const { orderId: _orderId, ...note } = toNote(row);
    return note;
  });
}
