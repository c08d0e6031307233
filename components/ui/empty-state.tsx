import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type EmptyStateProps = {
  icon?: ReactNode;
  title: ReactNode;
  /** One or two sentences: what will appear here and how to make it appear. */
  description?: ReactNode;
  /** Usually one Button. */
  action?: ReactNode;
  /** Dashed border around the block; off when it already sits inside a Card. */
  bordered?: boolean;
  className?: string;
};

export function EmptyState({ icon, title, description, action, bordered = true, className }: EmptyStateProps) {
  return (
    <div
      className={cn(
        "flex flex-col items-center justify-center px-6 py-14 text-center",
        bordered && "rounded-lg border border-dashed border-line-strong",
        className,
      )}
    >
      {icon ? (
        <div className="mb-4 flex size-10 items-center justify-center rounded-lg border border-line bg-surface text-fg-muted shadow-xs [&_svg]:size-5">
          {icon}
        </div>
      ) : null}
      <h2 className="text-sm font-semibold text-fg">{title}</h2>
      {description ? <p className="mt-1 max-w-md text-sm text-balance text-fg-muted">{description}</p> : null}
      {action ? <div className="mt-5 flex flex-wrap items-center justify-center gap-2">{action}</div> : null}
    </div>
  );
}
