import { cn } from "@/components/ui/cn";

/** A placeholder block; size it with className (`h-4 w-32`). Hidden from assistive tech. */
export function Skeleton({ className }: { className?: string }) {
  return <div aria-hidden="true" className={cn("bg-surface-3/70 animate-pulse rounded-md", className)} />;
}
