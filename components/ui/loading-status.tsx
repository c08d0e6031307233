import type { ReactNode } from "react";

/** Wraps a page's skeleton: screen readers hear `label` once, the placeholder blocks stay hidden. */
export function LoadingStatus({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="status" aria-live="polite" className="grid gap-4">
      <span className="sr-only">{label}</span>
      {children}
    </div>
  );
}
