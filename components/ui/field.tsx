import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { FieldError } from "@/components/ui/field-error";
import { Label } from "@/components/ui/label";

export type FieldProps = {
  /** The control's id. The hint gets `${id}-hint`, the errors `${id}-error`: use them in aria-describedby. */
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: readonly string[] | string | null;
  optional?: boolean;
  className?: string;
  children: ReactNode;
};

/** Label, control, hint and errors stacked the same way on every form. */
export function Field({ id, label, hint, errors, optional, className, children }: FieldProps) {
  return (
    <div className={cn("grid content-start gap-1.5", className)}>
      <Label htmlFor={id} optional={optional}>
        {label}
      </Label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-fg-subtle text-xs">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

/** The aria-describedby value for a Field's control. */
export function fieldDescribedBy(id: string, { hint, errors }: { hint?: unknown; errors?: unknown }): string | undefined {
  const hasErrors = typeof errors === "string" ? errors.length > 0 : Array.isArray(errors) && errors.length > 0;
  const ids = [hint ? `${id}-hint` : null, hasErrors ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}
