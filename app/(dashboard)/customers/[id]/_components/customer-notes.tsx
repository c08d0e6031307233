"use client";

import { useRouter } from "next/navigation";
import { NoteForm } from "@/components/customers/note-form";
import { NoteItem, type NoteViewer } from "@/components/customers/note-item";
import { TagMenu } from "@/components/customers/tag-menu";
import type { TagLike } from "@/components/customers/tag-chip";
import { Card, CardHeader } from "@/components/ui/card";
import type { NoteDto } from "@/lib/customers/note-schemas";

// The customer page's notes (newest first) and its tag menu: the page is rendered on the server,
// so a change re-renders it (router.refresh()).

export function CustomerNotes({
  storeId,
  customerId,
  notes,
  viewer,
}: {
  storeId: string;
  customerId: string;
  notes: NoteDto[];
  viewer: NoteViewer;
}) {
  const router = useRouter();
  const refresh = () => router.refresh();
  return (
    <Card>
      <CardHeader title="Notes" description="Internal: never sent to TribeMade or the customer." />
      <div className="grid gap-4 px-4 py-3">
        <NoteForm storeId={storeId} target={{ kind: "customer", id: customerId }} onAdded={refresh} />
        {notes.length === 0 ? (
          <p className="text-fg-subtle text-sm">No notes yet.</p>
        ) : (
          <ul className="grid gap-4">
            {notes.map((note) => (
              <li key={note.id}>
                <NoteItem storeId={storeId} note={note} viewer={viewer} onChanged={refresh} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </Card>
  );
}

export function CustomerTagMenu(props: { storeId: string; customerId: string; tags: TagLike[]; applied: TagLike[] }) {
  return (
    <TagMenu
      storeId={props.storeId}
      tags={props.tags}
      target={{ kind: "customer", id: props.customerId }}
      applied={props.applied}
    />
  );
}
