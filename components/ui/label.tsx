import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

export type LabelProps = ComponentProps<"label"> & {
  /** Adds a quiet "Optional" marker: fields are required unless they say otherwise. */
  optional?: boolean;
};

export function Label({ optional, className, children, ...props }: LabelProps) {
  return (
    <label {...props} className={cn("text-fg inline-flex items-baseline gap-1.5 text-sm font-medium", className)}>
      {children}
      {optional ? <span className="text-fg-subtle text-xs font-normal">Optional</span> : null}
    </label>
  );
}
