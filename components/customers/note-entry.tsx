"use client";

import { StickyNote } from "lucide-react";
import { NoteItem, type NoteViewer } from "@/components/customers/note-item";
import type { NoteDto } from "@/lib/customers/note-schemas";

// An internal note as a line of the order's timeline (app/(dashboard)/orders/[id]), drawn like the
// timeline's other entries: an icon on the line, then the note.

export type NotesContext = { storeId: string; viewer: NoteViewer; onChanged: () => void };

export function NoteEntry({ note, last, storeId, viewer, onChanged }: NotesContext & { note: NoteDto; last: boolean }) {
  return (
    <li className="relative flex gap-3 pb-5 last:pb-0" data-event-type="note">
      {!last ? <span aria-hidden="true" className="bg-line absolute top-7 bottom-0 left-[13px] w-px" /> : null}
      <span
        className="bg-surface relative flex size-7 shrink-0 items-center justify-center rounded-full border border-amber-200 text-amber-600 dark:border-amber-400/30 dark:text-amber-400 [&_svg]:size-3.5"
        aria-hidden="true"
      >
        <StickyNote />
      </span>
      <div className="min-w-0 flex-1 pt-1">
        <NoteItem storeId={storeId} note={note} viewer={viewer} onChanged={onChanged} />
      </div>
    </li>
  );
}
