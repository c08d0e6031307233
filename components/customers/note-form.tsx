"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { addNote } from "@/lib/customers/actions";
import { NOTE_MAX, type AddNoteInput } from "@/lib/customers/note-schemas";

/** "Add a note" on an order or a customer; internal only. */
export function NoteForm({ storeId, target, onAdded }: { storeId: string; target: AddNoteInput["target"]; onAdded: () => void }) {
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const id = `note-${target.kind}-${target.id}`;

  return (
    <form
      className="grid gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        startTransition(async () => {
          const result = await addNote({ storeId, target, body });
          if (!result.ok) {
            setError(result.error.fieldErrors?.body ?? result.error.message);
            return;
          }
          setBody("");
          setError(null);
          toast.success("Note added");
          onAdded();
        });
      }}
    >
      <label htmlFor={id} className="text-fg text-sm font-medium">
        Internal note
      </label>
      <Textarea
        id={id}
        value={body}
        maxLength={NOTE_MAX}
        invalid={error !== null}
        aria-describedby={`${id}-hint`}
        placeholder="Only your team sees this"
        onChange={(event) => setBody(event.target.value)}
      />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p id={`${id}-hint`} className={error ? "text-xs text-red-600 dark:text-red-400" : "text-fg-subtle text-xs"}>
          {error ?? "Never sent to TribeMade or the customer."}
        </p>
        <Button type="submit" size="sm" variant="primary" loading={pending} disabled={body.trim() === ""}>
          Add note
        </Button>
      </div>
    </form>
  );
}
