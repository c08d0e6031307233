import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type PageHeaderProps = {
  title: ReactNode;
  description?: ReactNode;
  /** Buttons at the right; they wrap under the title on narrow screens. */
  actions?: ReactNode;
  /** Small line above the title: a back link or breadcrumb. */
  eyebrow?: ReactNode;
  className?: string;
};

/** The page's h1. One per page, first thing in the page's content. */
export function PageHeader({ title, description, actions, eyebrow, className }: PageHeaderProps) {
  return (
    <header className={cn("mb-6 flex flex-wrap items-end justify-between gap-x-6 gap-y-3", className)}>
      <div className="min-w-0">
        {eyebrow ? <div className="text-fg-muted mb-1.5 text-xs">{eyebrow}</div> : null}
        <h1 className="text-fg text-xl font-semibold tracking-tight">{title}</h1>
        {description ? <p className="text-fg-muted mt-1 max-w-2xl text-sm">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
    </header>
  );
}
