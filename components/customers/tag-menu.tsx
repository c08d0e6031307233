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
import { BULK_TAG_MAX, type ApplyTagInput, type TagColor } from "@/lib/customers/tag-schemas";
import { formatCount } from "@/lib/format/numbers";

// "Tags ▾" for one order, one customer, or the feed's selection (picked rows, or all matching the
// filter: the newest BULK_TAG_MAX, said in the menu and in the toast when more matched): tick a tag
// to add or remove it (one target), add or remove one across the selection (many), or make a new
// tag and add it.

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
  const many = target.kind === "filter" || (target.kind === "orders" && target.ids.length > 1);
  const has = new Set((applied ?? []).map((tag) => tag.id));

  const apply = (tagId: string, op: "add" | "remove", name: string) =>
    startTransition(async () => {
      const result = await applyTag({ storeId, tagId, target, op });
      if (!result.ok) return void toast.error(result.error.message);
      if (many) {
        const { changed, truncated } = result.data;
        toast.success(`${op === "add" ? "Tagged" : "Untagged"} ${formatCount(changed)} orders: ${name}`, {
          description: truncated
            ? `More orders match: only the newest ${formatCount(BULK_TAG_MAX)} were changed. Narrow the filters to reach the rest.`
            : undefined,
        });
      }
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
          <DropdownMenuLabel>{menuLabel(target)}</DropdownMenuLabel>
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

function menuLabel(target: ApplyTagInput["target"]): string {
  if (target.kind === "customer") return "Tag this customer";
  if (target.kind === "filter") return `Tag all matching orders (the newest ${formatCount(BULK_TAG_MAX)})`;
  return target.ids.length > 1 ? `Tag ${formatCount(target.ids.length)} orders` : "Tag this order";
}
