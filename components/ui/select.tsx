import type { ComponentProps } from "react";
import { ChevronDownIcon } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { controlClasses } from "@/components/ui/input";

export type SelectProps = ComponentProps<"select"> & {
  invalid?: boolean;
  /** Classes for the wrapper (width, margins); `className` goes to the `<select>` itself. */
  wrapperClassName?: string;
};

/** A native `<select>` (keyboard, mobile pickers and forms for free) with the app's control look. */
export function Select({ invalid, className, wrapperClassName, children, ...props }: SelectProps) {
  return (
    <div className={cn("relative", wrapperClassName)}>
      <select
        {...props}
        aria-invalid={invalid || props["aria-invalid"] || undefined}
        className={cn(controlClasses, "h-8 appearance-none pr-8 pl-2.5", className)}
      >
        {children}
      </select>
      <ChevronDownIcon className="text-fg-subtle pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2" />
    </div>
  );
}
