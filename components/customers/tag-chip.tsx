import { cn } from "@/components/ui/cn";

// A tag as a small coloured chip. The palette is lib/customers/tag-schemas.ts TAG_COLORS, spelled out
// here in full class names so Tailwind keeps them; an unknown colour (a newer build's) shows gray.

const CHIP: Record<string, string> = {
  gray: "bg-zinc-100 text-zinc-700 ring-zinc-500/25 dark:bg-zinc-400/10 dark:text-zinc-300",
  red: "bg-red-50 text-red-700 ring-red-600/25 dark:bg-red-400/10 dark:text-red-300",
  amber: "bg-amber-50 text-amber-800 ring-amber-600/25 dark:bg-amber-400/10 dark:text-amber-300",
  green: "bg-emerald-50 text-emerald-800 ring-emerald-600/25 dark:bg-emerald-400/10 dark:text-emerald-300",
  teal: "bg-teal-50 text-teal-800 ring-teal-600/25 dark:bg-teal-400/10 dark:text-teal-300",
  blue: "bg-sky-50 text-sky-800 ring-sky-600/25 dark:bg-sky-400/10 dark:text-sky-300",
  violet: "bg-violet-50 text-violet-700 ring-violet-600/25 dark:bg-violet-400/10 dark:text-violet-300",
  pink: "bg-pink-50 text-pink-700 ring-pink-600/25 dark:bg-pink-400/10 dark:text-pink-300",
};

export const tagChipClasses = (color: string) =>
  cn(
    "inline-flex h-5 items-center rounded-md px-1.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
    CHIP[color] ?? CHIP.gray,
  );

export type TagLike = { id: string; name: string; color: string };

export function TagChips({ tags, className }: { tags: TagLike[]; className?: string }) {
  if (tags.length === 0) return null;
  return (
    <span className={cn("inline-flex flex-wrap gap-1", className)} data-testid="tags">
      {tags.map((tag) => (
        <span key={tag.id} className={tagChipClasses(tag.color)}>
          {tag.name}
        </span>
      ))}
    </span>
  );
}
