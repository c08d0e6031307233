"use client";

import { useId, useState } from "react";
import { tagChipClasses } from "@/components/customers/tag-chip";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { TAG_COLORS, TAG_NAME_MAX, type TagColor } from "@/lib/customers/tag-schemas";

export type NewTagDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onSubmit: (tag: { name: string; color: TagColor }) => void;
  pending: boolean;
  error: string | null;
};

/** Name and colour of a new tag; the caller creates it and puts it where the menu was opened. */
export function NewTagDialog({ open, onOpenChange, onSubmit, pending, error }: NewTagDialogProps) {
  const formId = useId();
  const [name, setName] = useState("");
  const [color, setColor] = useState<TagColor>("blue");
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      closeOnBackdrop={false}
      size="sm"
      title="New tag"
      footer={
        <>
          <Button type="button" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" form={formId} variant="primary" loading={pending} disabled={name.trim() === ""}>
            Create and add
          </Button>
        </>
      }
    >
      <form
        id={formId}
        className="grid gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit({ name, color });
        }}
      >
        <label className="grid gap-1.5 text-sm font-medium">
          Name
          <Input
            value={name}
            maxLength={TAG_NAME_MAX}
            invalid={error !== null}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <fieldset className="grid gap-1.5">
          <legend className="mb-1.5 text-sm font-medium">Colour</legend>
          <div className="flex flex-wrap gap-1.5">
            {TAG_COLORS.map((value) => (
              <label key={value} className={cn(tagChipClasses(value), "cursor-pointer", color === value && "ring-2")}>
                <input
                  type="radio"
                  name="color"
                  value={value}
                  checked={color === value}
                  onChange={() => setColor(value)}
                  className="sr-only"
                />
                {name.trim() || value}
              </label>
            ))}
          </div>
        </fieldset>
        {error ? (
          <p role="alert" className="text-sm text-red-600 dark:text-red-400">
            {error}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}
