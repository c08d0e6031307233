import "server-only";
import { isOwner, type Member } from "@/lib/auth/require-member";
import type { NoteDto } from "@/lib/customers/note-schemas";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";

// Writes of internal notes. Any member writes one; only its author or an owner of the store edits
// or deletes it. Every write checks the target or the note belongs to the caller's store. Returns
// the order a note hangs on, so the caller can tell open order pages (the note is on its timeline).

type Target = { kind: "order" | "customer"; id: string };

export async function addNote(member: Member, target: Target, body: string): Promise<NoteDto & { orderId: string | null }> {
  const storeId = member.store.id;
  const exists =
    target.kind === "order"
      ? await db.order.findFirst({ where: { id: target.id, storeId }, select: { id: true } })
      : await db.customer.findFirst({ where: { id: target.id, storeId }, select: { id: true } });
  if (!exists) throw new AppError("not_found", `That ${target.kind} does not exist in this store.`);
  const note = await db.note.create({
    data: {
      storeId,
      orderId: target.kind === "order" ? target.id : null,
      customerId: target.kind === "customer" ? target.id : null,
      authorId: member.user.id,
      authorName: member.user.name,
      body,
    },
    select: NOTE_SELECT,
  });
  return toNote(note);
}

/** The note, if the caller may change it: not_found for another store's, forbidden for someone else's. */
async function ownNoteOrThrow(member: Member, noteId: string) {
  const note = await db.note.findFirst({
    where: { id: noteId, storeId: member.store.id },
    select: { id: true, authorId: true, orderId: true },
  });
  if (!note) throw new AppError("not_found", "That note does not exist in this store.");
  if (note.authorId !== member.user.id && !isOwner(member)) {
    throw new AppError("forbidden", "Only the note's author or an owner can change it.");
  }
  return note;
}

export async function editNote(member: Member, noteId: string, body: string): Promise<NoteDto & { orderId: string | null }> {
  await ownNoteOrThrow(member, noteId);
  const note = await db.note.update({ where: { id: noteId }, data: { body, editedAt: new Date() }, select: NOTE_SELECT });
  return toNote(note);
}

export async function deleteNote(member: Member, noteId: string): Promise<{ orderId: string | null }> {
  const note = await ownNoteOrThrow(member, noteId);
  await db.note.delete({ where: { id: note.id } });
  return { orderId: note.orderId };
}

export const NOTE_SELECT = {
  id: true,
  body: true,
  authorId: true,
  authorName: true,
  createdAt: true,
  editedAt: true,
  orderId: true,
} as const;

type NoteRecord = {
  id: string;
  body: string;
  authorId: string | null;
  authorName: string;
  createdAt: Date;
  editedAt: Date | null;
  orderId: string | null;
};

export function toNote(note: NoteRecord): NoteDto & { orderId: string | null } {
  return { ...note, createdAt: note.createdAt.toISOString(), editedAt: note.editedAt?.toISOString() ?? null };
}
