import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/components/ui/cn";

/** Shared by Input, Textarea and Select so every control has the same border, focus and error look. */
export const controlClasses =
  "w-full rounded-md border border-line bg-surface text-sm text-fg shadow-xs placeholder:text-fg-subtle " +
  "transition-[border-color,box-shadow] duration-100 outline-hidden " +
  "hover:border-line-strong focus:border-ring focus:ring-3 focus:ring-ring/25 " +
  "disabled:cursor-not-allowed disabled:bg-surface-2 disabled:opacity-60 " +
  "aria-invalid:border-red-500 aria-invalid:focus:ring-red-500/20 dark:aria-invalid:border-red-400";

export type InputProps = ComponentProps<"input"> & {
  /** Marks the field invalid (aria-invalid + red border); pair with FieldError and aria-describedby. */
  invalid?: boolean;
  /** An icon inside the left edge (e.g. SearchIcon). With it, `className` styles the wrapper. */
  leadingIcon?: ReactNode;
};

export function Input({ invalid, leadingIcon, className, ...props }: InputProps) {
  const input = (
    <input
      {...props}
      aria-invalid={invalid || props["aria-invalid"] || undefined}
      className={cn(controlClasses, "h-8 px-2.5", leadingIcon ? "pl-8" : undefined, leadingIcon ? undefined : className)}
    />
  );
  if (!leadingIcon) return input;
  return (
    <div className={cn("relative", className)}>
      <span className="text-fg-subtle pointer-events-none absolute inset-y-0 left-2.5 flex items-center [&_svg]:size-4">
        {leadingIcon}
      </span>
      {input}
    </div>
  );
}
