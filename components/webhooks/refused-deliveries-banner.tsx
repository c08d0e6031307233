import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import type { Member } from "@/lib/auth/require-member";
import { formatDateTime } from "@/lib/format/dates";
import { countRecentRefusals, REFUSAL_WINDOW_HOURS } from "@/lib/webhooks/refusal-queries";

/**
 * Shown on the webhooks and orders pages while any delivery was refused (503, not stored) in the
 * last 24 hours; nothing otherwise. TribeMade documents no retries and no list of orders, so a
 * refused order may never arrive: the banner says how to fetch it by id.
 */
export async function RefusedDeliveriesBanner({ member }: { member: Member }) {
  // The banner must never take the page down with it: a failing count shows nothing.
  const { total, lastAt } = await countRecentRefusals(member).catch(() => ({ total: 0, lastAt: null }));
  if (total === 0) return null;
  const deliveries = total === 1 ? "1 webhook delivery was" : `${total} webhook deliveries were`;
  return (
    <Alert
      tone="warning"
      className="mb-6"
      title={`${deliveries} refused in the last ${REFUSAL_WINDOW_HOURS} hours${lastAt ? ` (last at ${formatDateTime(lastAt)})` : ""}`}
      action={
        <Link href="/orders?add=missing" className="font-medium whitespace-nowrap underline underline-offset-4">
          Add missing orders
        </Link>
      }
    >
      The desk was too busy to answer {total === 1 ? "it" : "them"} in time and asked TribeMade to send{" "}
      {total === 1 ? "it" : "them"} again, but TribeMade may not. Compare your TribeMade dashboard&apos;s orders of that time with
      the Orders page, and paste the ids of any that are missing into “Add missing orders”.
    </Alert>
  );
}
