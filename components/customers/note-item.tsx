"use client";

import { Pencil, Trash2 } from "lucide-react";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { deleteNote, editNote } from "@/lib/customers/actions";
import { NOTE_MAX, type NoteDto } from "@/lib/customers/note-schemas";
import { formatFull, formatStamp } from "@/lib/format/dates";

// One internal note: who wrote it and when, its text, and Edit / Delete for its author or an owner
// (the server checks again: lib/customers/note-mutations.ts).

export type NoteViewer = { userId: string; owner: boolean };

export type NoteItemProps = { storeId: string; note: NoteDto; viewer: NoteViewer; onChanged: () => void };

export function NoteItem({ storeId, note, viewer, onChanged }: NoteItemProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(note.body);
  const [pending, startTransition] = useTransition();
  const mine = note.authorId === viewer.userId;
  const mayChange = mine || viewer.owner;

  const save = () =>
    startTransition(async () => {
      const result = await editNote({ storeId, noteId: note.id, body: draft });
      if (!result.ok) return void toast.error(result.error.fieldErrors?.body ?? result.error.message);
      setEditing(false);
      onChanged();
    });
  const remove = () =>
    startTransition(async () => {
      const result = await deleteNote({ storeId, noteId: note.id });
      if (!result.ok) return void toast.error(result.error.message);
      toast.success("Note deleted");
      onChanged();
    });

  return (
    <div data-testid="note">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5">
        <p className="text-fg text-sm">
          <strong className="font-medium">{note.authorName}</strong> wrote a note
          {note.editedAt ? <span className="text-fg-subtle text-xs"> · edited</span> : null}
        </p>
        <time
          dateTime={note.createdAt}
          title={formatFull(note.createdAt)}
          className="text-fg-subtle shrink-0 text-xs tabular-nums"
        >
          {formatStamp(note.createdAt)}
        </time>
      </div>
      {editing ? (
        <div className="mt-1.5 grid gap-2">
          <Textarea
            aria-label="Edit note"
            value={draft}
            maxLength={NOTE_MAX}
            onChange={(event) => setDraft(event.target.value)}
          />
          <div className="flex gap-2">
            <Button size="sm" variant="primary" loading={pending} onClick={save}>
              Save
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <p className="bg-surface-2 text-fg mt-1 rounded-md px-3 py-2 text-sm break-words whitespace-pre-wrap">{note.body}</p>
      )}
      {mayChange && !editing ? (
        <div className="mt-1 flex gap-1">
          <Button size="sm" variant="ghost" leadingIcon={<Pencil />} onClick={() => setEditing(true)}>
            Edit
          </Button>
          <Button size="sm" variant="ghost" leadingIcon={<Trash2 />} loading={pending} onClick={remove}>
            Delete
          </Button>
        </div>
      ) : null}
    </div>
  );
}
