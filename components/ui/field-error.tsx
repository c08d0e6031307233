import { cn } from "@/components/ui/cn";

export type FieldErrorProps = {
  /** Point the control's aria-describedby here. */
  id?: string;
  /** One message or zod's per-field list (`z.flattenError(e).fieldErrors.email`). Empty renders nothing. */
  errors?: readonly string[] | string | null;
  className?: string;
};

/** A field's validation messages, shown in place under the control. */
export function FieldError({ id, errors, className }: FieldErrorProps) {
  const messages = (typeof errors === "string" ? [errors] : (errors ?? [])).filter(Boolean);
  if (messages.length === 0) return null;
  return (
    <div id={id} className={cn("space-y-0.5 text-xs text-red-600 dark:text-red-400", className)}>
      {messages.map((message) => (
        <p key={message}>{message}</p>
      ))}
    </div>
  );
}
