import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export function Kbd({ className, children }: { className?: string; children: ReactNode }) {
  return (
    <kbd
      className={cn(
        "border-line border-b-line-strong bg-surface-2 text-fg-muted inline-flex h-5 min-w-5 items-center justify-center rounded border px-1 font-mono text-[11px] font-medium",
        className,
      )}
    >
      {children}
    </kbd>
  );
}
