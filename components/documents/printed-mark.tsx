import { PrinterIcon } from "lucide-react";
import { formatFull } from "@/lib/format/dates";

/** The feed's "printed" mark: a label, slip or invoice of this order has been printed. */
export function PrintedMark({ at }: { at: string }) {
  const title = `Printed ${formatFull(at)}`;
  return (
    <span title={title} className="text-fg-subtle inline-flex shrink-0" data-testid="printed-mark">
      <PrinterIcon className="size-3.5" aria-hidden="true" />
      <span className="sr-only">{title}</span>
    </span>
  );
}
