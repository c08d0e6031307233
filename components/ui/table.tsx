import type { ComponentProps } from "react";
import { cn } from "@/components/ui/cn";

/** A horizontally scrollable table. Put it in a Card (or not) — it draws no outer border. */
export function Table({ className, containerClassName, ...props }: ComponentProps<"table"> & { containerClassName?: string }) {
  return (
    <div className={cn("relative w-full overflow-x-auto", containerClassName)}>
      <table {...props} className={cn("w-full caption-bottom border-collapse text-sm", className)} />
    </div>
  );
}

export function TableHeader({ className, ...props }: ComponentProps<"thead">) {
  return <thead {...props} className={cn("border-line bg-surface-2/60 border-b", className)} />;
}

export function TableBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody {...props} className={cn("divide-line divide-y [&>tr:last-child]:border-0", className)} />;
}

/** A row; set `data-state="selected"` to highlight it. */
export function TableRow({ className, ...props }: ComponentProps<"tr">) {
  return <tr {...props} className={cn("hover:bg-surface-2/60 data-[state=selected]:bg-accent/5 transition-colors", className)} />;
}

export function TableHead({ className, scope = "col", ...props }: ComponentProps<"th">) {
  return (
    <th
      {...props}
      scope={scope}
      className={cn("text-fg-muted h-9 px-3 text-left align-middle text-xs font-medium whitespace-nowrap", className)}
    />
  );
}

export function TableCell({ className, ...props }: ComponentProps<"td">) {
  return <td {...props} className={cn("text-fg px-3 py-2.5 align-middle", className)} />;
}

export function TableCaption({ className, ...props }: ComponentProps<"caption">) {
  return <caption {...props} className={cn("text-fg-subtle px-3 py-2 text-left text-xs", className)} />;
}
