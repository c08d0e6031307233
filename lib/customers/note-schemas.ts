import { z } from "zod";

// Internal notes on an order or a customer: the contracts of the note actions and of a note as the
// order's timeline and the customer's page show it. Client-safe. Notes stay in Tribedesk: nothing
// sends them to TribeMade or to the customer.

export const NOTE_MAX = 2_000;

const body = z.string().trim().min(1, "Write something first").max(NOTE_MAX, `At most ${NOTE_MAX} characters`);

export const addNoteSchema = z.object({
  storeId: z.guid(),
  target: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("order"), id: z.guid() }),
    z.object({ kind: z.literal("customer"), id: z.guid() }),
  ]),
  body,
});
export type AddNoteInput = z.input<typeof addNoteSchema>;

export const editNoteSchema = z.object({ storeId: z.guid(), noteId: z.guid(), body });
export const deleteNoteSchema = z.object({ storeId: z.guid(), noteId: z.guid() });

export const noteSchema = z.object({
  id: z.string(),
  body: z.string(),
  authorId: z.string().nullable(),
  authorName: z.string(),
  createdAt: z.string(),
  editedAt: z.string().nullable(),
});
export type NoteDto = z.infer<typeof noteSchema>;
