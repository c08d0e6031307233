"use client";

import { ChevronDownIcon, PlusIcon, TagIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { NewTagDialog } from "@/components/customers/new-tag-dialog";
import { tagChipClasses, type TagLike } from "@/components/customers/tag-chip";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuSub,
  DropdownMenuSubContent,
  DropdownMenuSubTrigger,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { applyTag, createTag } from "@/lib/customers/actions";
import type { ApplyTagInput, TagColor } from "@/lib/customers/tag-schemas";

// "Tags ▾" for one order, one customer, or the feed's selection: tick a tag to add or remove it
// (one target), add or remove one across the selection (many), or make a new tag and add it.

export type TagMenuProps = {
  storeId: string;
  /** The store's tags. */
  tags: TagLike[];
  target: ApplyTagInput["target"];
  /** The tags the one target has now; absent for a selection. */
  applied?: TagLike[];
  size?: "sm" | "md";
  onChanged?: () => void;
};

export function TagMenu({ storeId, tags, target, applied, size = "md", onChanged }: TagMenuProps) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const many = target.kind === "orders" && target.ids.length > 1;
  const has = new Set((applied ?? []).map((tag) => tag.id));

  const apply = (tagId: string, op: "add" | "remove", name: string) =>
    startTransition(async () => {
      const result = await applyTag({ storeId, tagId, target, op });
      if (!result.ok) return void toast.error(result.error.message);
      if (many) toast.success(`${op === "add" ? "Tagged" : "Untagged"} ${result.data.changed} orders: ${name}`);
      onChanged?.();
      router.refresh();
    });

  const create = ({ name, color }: { name: string; color: TagColor }) =>
    startTransition(async () => {
      const made = await createTag({ storeId, name, color });
      if (!made.ok) return void setError(made.error.fieldErrors?.name ?? made.error.message);
      setError(null);
      setCreating(false);
      apply(made.data.id, "add", made.data.name);
    });

  const chip = (tag: TagLike) => <span className={tagChipClasses(tag.color)}>{tag.name}</span>;
  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button size={size} leadingIcon={<TagIcon />} trailingIcon={<ChevronDownIcon />} loading={pending}>
            Tags
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" className="max-h-96 min-w-56 overflow-y-auto">
          <DropdownMenuLabel>
            {target.kind === "customer" ? "Tag this customer" : many ? `Tag ${target.ids.length} orders` : "Tag this order"}
          </DropdownMenuLabel>
          <DropdownMenuSeparator />
          {many
            ? tags.map((tag) => (
                <DropdownMenuItem key={tag.id} onSelect={() => apply(tag.id, "add", tag.name)}>
                  Add {chip(tag)}
                </DropdownMenuItem>
              ))
            : tags.map((tag) => (
                <DropdownMenuCheckboxItem
                  key={tag.id}
                  checked={has.has(tag.id)}
                  onSelect={() => apply(tag.id, has.has(tag.id) ? "remove" : "add", tag.name)}
                >
                  {chip(tag)}
                </DropdownMenuCheckboxItem>
              ))}
          {many && tags.length > 0 ? (
            <DropdownMenuSub>
              <DropdownMenuSubTrigger>Remove a tag</DropdownMenuSubTrigger>
              <DropdownMenuSubContent>
                {tags.map((tag) => (
                  <DropdownMenuItem key={tag.id} onSelect={() => apply(tag.id, "remove", tag.name)}>
                    Remove {chip(tag)}
                  </DropdownMenuItem>
                ))}
              </DropdownMenuSubContent>
            </DropdownMenuSub>
          ) : null}
          {tags.length > 0 ? <DropdownMenuSeparator /> : null}
          <DropdownMenuItem onSelect={() => setCreating(true)}>
            <PlusIcon />
            New tag…
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      {creating ? <NewTagDialog open onOpenChange={setCreating} onSubmit={create} pending={pending} error={error} /> : null}
    </>
  );
}
