import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type BadgeTone = "neutral" | "green" | "amber" | "red" | "blue" | "violet";

const tones: Record<BadgeTone, { badge: string; dot: string }> = {
  neutral: {
    badge: "bg-zinc-100 text-zinc-700 ring-zinc-500/20 dark:bg-zinc-400/10 dark:text-zinc-300 dark:ring-zinc-400/20",
    dot: "bg-zinc-400",
  },
  green: {
    badge:
      "bg-emerald-50 text-emerald-800 ring-emerald-600/20 dark:bg-emerald-400/10 dark:text-emerald-300 dark:ring-emerald-400/25",
    dot: "bg-emerald-500",
  },
  amber: {
    badge: "bg-amber-50 text-amber-800 ring-amber-600/25 dark:bg-amber-400/10 dark:text-amber-300 dark:ring-amber-400/25",
    dot: "bg-amber-500",
  },
  red: {
    badge: "bg-red-50 text-red-700 ring-red-600/20 dark:bg-red-400/10 dark:text-red-300 dark:ring-red-400/25",
    dot: "bg-red-500",
  },
  blue: {
    badge: "bg-sky-50 text-sky-800 ring-sky-600/20 dark:bg-sky-400/10 dark:text-sky-300 dark:ring-sky-400/25",
    dot: "bg-sky-500",
  },
  violet: {
    badge: "bg-violet-50 text-violet-700 ring-violet-600/20 dark:bg-violet-400/10 dark:text-violet-300 dark:ring-violet-400/25",
    dot: "bg-violet-500",
  },
};

export type BadgeProps = {
  tone?: BadgeTone;
  /** A coloured dot before the text; `pulse` animates it for in-flight states. */
  dot?: boolean;
  pulse?: boolean;
  /** Native tooltip: what the state means. */
  title?: string;
  className?: string;
  children: ReactNode;
};

export function Badge({ tone = "neutral", dot = false, pulse = false, title, className, children }: BadgeProps) {
  const style = tones[tone];
  return (
    <span
      title={title}
      className={cn(
        "inline-flex h-5 items-center gap-1.5 rounded-full px-2 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        style.badge,
        className,
      )}
    >
      {dot || pulse ? (
        <span className="relative flex size-1.5" aria-hidden="true">
          {pulse ? (
            <span className={cn("absolute inline-flex size-full animate-ping rounded-full opacity-60", style.dot)} />
          ) : null}
          <span className={cn("relative inline-flex size-1.5 rounded-full", style.dot)} />
        </span>
      ) : null}
      {children}
    </span>
  );
}
