import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export function Card({ className, ...props }: ComponentProps<"div">) {
  return <div {...props} className={cn("border-line bg-surface rounded-lg border shadow-xs", className)} />;
}

export type CardHeaderProps = {
  title: ReactNode;
  description?: ReactNode;
  /** Buttons or links at the header's right edge. */
  actions?: ReactNode;
  /** Heading level of the title; h2 under a page's h1. */
  as?: "h2" | "h3";
  className?: string;
};

export function CardHeader({ title, description, actions, as: Heading = "h2", className }: CardHeaderProps) {
  return (
    <div className={cn("border-line flex items-start justify-between gap-4 border-b px-4 py-3", className)}>
      <div className="min-w-0">
        <Heading className="text-fg text-sm font-semibold">{title}</Heading>
        {description ? <p className="text-fg-muted mt-0.5 text-sm">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 items-center gap-2">{actions}</div> : null}
    </div>
  );
}

export function CardContent({ className, ...props }: ComponentProps<"div">) {
  return <div {...props} className={cn("p-4", className)} />;
}

export function CardFooter({ className, ...props }: ComponentProps<"div">) {
  return (
    <div
      {...props}
      className={cn("border-line bg-surface-2/50 flex items-center justify-end gap-2 rounded-b-lg border-t px-4 py-3", className)}
    />
  );
}
