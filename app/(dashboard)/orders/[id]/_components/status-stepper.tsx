import { Check, X } from "lucide-react";
import { cn } from "@/components/ui/cn";
import type { OrderStatus } from "@/lib/orders/schemas";

// Where the order is on TribeMade's path: started → processing → dispatched → delivered. A
// cancelled order shows how far it got, then the cancellation.

const STEPS: Array<{ status: Exclude<OrderStatus, "cancelled">; label: string }> = [
  { status: "started", label: "Paid" },
  { status: "processing", label: "Processing" },
  { status: "dispatched", label: "Dispatched" },
  { status: "delivered", label: "Delivered" },
];

/** `reached`: the furthest status before a cancellation (from the timeline); defaults to started. */
export function StatusStepper({ status, reached }: { status: OrderStatus; reached?: OrderStatus }) {
  const cancelled = status === "cancelled";
  const at = STEPS.findIndex((step) => step.status === (cancelled ? (reached ?? "started") : status));
  return (
    <ol aria-label="Order progress" className="flex items-center gap-1.5 overflow-x-auto">
      {STEPS.map((step, index) => {
        const done = index < at || (index === at && (status === "delivered" || cancelled));
        const current = index === at && !cancelled && status !== "delivered";
        const future = index > at;
        return (
          <li key={step.status} className="flex shrink-0 items-center gap-1.5" aria-current={current ? "step" : undefined}>
            {index > 0 ? (
              <span aria-hidden="true" className={cn("h-px w-5 sm:w-10", future || cancelled ? "bg-line-strong" : "bg-accent")} />
            ) : null}
            <span
              className={cn(
                "inline-flex h-7 items-center gap-1.5 rounded-full border px-2.5 text-xs font-medium",
                done && "border-accent/30 bg-accent/10 text-accent-text",
                current && "border-accent bg-accent text-white shadow-xs",
                future && "border-line text-fg-subtle",
                cancelled && index > at && "opacity-60",
              )}
            >
              {done ? <Check className="size-3.5" aria-hidden="true" /> : null}
              {step.label}
              <span className="sr-only">{done ? " (done)" : current ? " (current)" : ""}</span>
            </span>
          </li>
        );
      })}
      {cancelled ? (
        <li className="flex shrink-0 items-center gap-1.5" aria-current="step">
          <span aria-hidden="true" className="bg-line-strong h-px w-5 sm:w-10" />
          <span className="inline-flex h-7 items-center gap-1.5 rounded-full border border-red-300 bg-red-50 px-2.5 text-xs font-medium text-red-700 dark:border-red-400/30 dark:bg-red-400/10 dark:text-red-300">
            <X className="size-3.5" aria-hidden="true" />
            Cancelled
          </span>
        </li>
      ) : null}
    </ol>
  );
}
