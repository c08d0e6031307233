"use client";

import { MonitorIcon, MoonIcon, SunIcon } from "lucide-react";
import { useTheme } from "@/components/shell/theme-provider";
import type { ThemeMode } from "@/components/shell/theme-script";
import { cn } from "@/components/ui/cn";

const options: { mode: ThemeMode; label: string; Icon: typeof SunIcon }[] = [
  { mode: "system", label: "System theme", Icon: MonitorIcon },
  { mode: "light", label: "Light theme", Icon: SunIcon },
  { mode: "dark", label: "Dark theme", Icon: MoonIcon },
];

/** System / light / dark, as a three-way radio group. */
export function ThemeToggle({ className }: { className?: string }) {
  const { mode, setMode } = useTheme();
  return (
    <div
      role="radiogroup"
      aria-label="Theme"
      className={cn("border-line bg-surface inline-flex items-center gap-0.5 rounded-full border p-0.5", className)}
      onKeyDown={(event) => {
        const index = options.findIndex((option) => option.mode === mode);
        const step =
          event.key === "ArrowRight" || event.key === "ArrowDown"
            ? 1
            : event.key === "ArrowLeft" || event.key === "ArrowUp"
              ? -1
              : 0;
        if (!step) return;
        event.preventDefault();
        const next = options[(index + step + options.length) % options.length];
        if (!next) return;
        setMode(next.mode);
        event.currentTarget.querySelector<HTMLElement>(`[data-mode="${next.mode}"]`)?.focus();
      }}
    >
      {options.map(({ mode: value, label, Icon }) => {
        const checked = value === mode;
        return (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={checked}
            aria-label={label}
            title={label}
            data-mode={value}
            tabIndex={checked ? 0 : -1}
            onClick={() => setMode(value)}
            className={cn(
              "flex size-6 items-center justify-center rounded-full transition-colors",
              checked ? "bg-surface-3 text-fg" : "text-fg-subtle hover:text-fg",
            )}
          >
            <Icon className="size-3.5" />
          </button>
        );
      })}
    </div>
  );
}
