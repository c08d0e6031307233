import Link from "next/link";
import { RepeatIcon } from "lucide-react";
import { ordinal as nth, repeatBadgeText } from "@/lib/customers/badge";

/**
 * "repeat buyer · 4th order" beside a customer's name, linking to their page; nothing for a first
 * order or an order that has not joined its customer yet (it does just after verification, and
 * the live feed patches the row then).
 */
export function RepeatBadge({ customerId, ordinal }: { customerId: string | null; ordinal: number | null }) {
  const text = repeatBadgeText(ordinal);
  if (!customerId || !text) return null;
  return (
    <Link
      href={`/customers/${customerId}`}
      title={`${text}: see this customer's orders`}
      data-testid="repeat-badge"
      className="inline-flex h-5 shrink-0 items-center gap-1 rounded-full bg-violet-50 px-2 text-xs font-medium whitespace-nowrap text-violet-700 ring-1 ring-violet-600/20 ring-inset hover:underline dark:bg-violet-400/10 dark:text-violet-300 dark:ring-violet-400/25"
    >
      <RepeatIcon className="size-3" aria-hidden="true" />
      {/* Phones keep "4th order"; screen readers always hear the whole badge. */}
      <span className="sr-only sm:not-sr-only">repeat buyer · </span>
      {nth(ordinal!)} order
    </Link>
  );
}
