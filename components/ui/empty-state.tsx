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
        bordered && "border-line-strong rounded-lg border border-dashed",
        className,
      )}
    >
      {icon ? (
        <div className="border-line bg-surface text-fg-muted mb-4 flex size-10 items-center justify-center rounded-lg border shadow-xs [&_svg]:size-5">
          {icon}
        </div>
      ) : null}
      <h2 className="text-fg text-sm font-semibold">{title}</h2>
      {description ? <p className="text-fg-muted mt-1 max-w-md text-sm text-balance">{description}</p> : null}
      {action ? <div className="mt-5 flex flex-wrap items-center justify-center gap-2">{action}</div> : null}
    </div>
  );
}
