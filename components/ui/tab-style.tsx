import { cn } from "@/components/ui/cn";
import { formatCount } from "@/lib/format/numbers";

// Shared by Tabs (client) and TabLinks (server): kept out of the "use client" module so server
// components can call tabClasses().

export function tabClasses(selected: boolean): string {
  return cn(
    "relative -mb-px inline-flex h-9 shrink-0 items-center gap-1.5 border-b-2 px-2.5 text-sm font-medium whitespace-nowrap transition-colors",
    "rounded-t-md focus-visible:outline-offset-[-2px] disabled:pointer-events-none disabled:opacity-50",
    selected ? "border-accent text-fg" : "border-transparent text-fg-muted hover:border-line-strong hover:text-fg",
  );
}

export function TabCount({ count, selected }: { count: number; selected: boolean }) {
  return (
    <span
      className={cn(
        "rounded-full px-1.5 text-[11px] leading-4 font-medium tabular-nums",
        selected ? "bg-accent/10 text-accent-text" : "bg-surface-3 text-fg-muted",
      )}
    >
      {formatCount(count)}
    </span>
  );
}
