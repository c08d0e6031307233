import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format/dates";
import { formatCount } from "@/lib/format/numbers";
import type { RefusalsDto } from "@/lib/webhooks/schemas";

/**
 * Deliveries answered 503 and not stored, per endpoint. Their bodies were never read, so there is
 * nothing to replay: only when and how many, and the way to get the orders anyway.
 */
export function RefusedCard({ refused }: { refused: RefusalsDto }) {
  return (
    <Card data-testid="webhook-refusals">
      <CardHeader
        title={`Refused, not stored: ${formatCount(refused.total)}`}
        description="Deliveries answered “try again later” (503) in the last 24 hours because the desk could not answer in time or the database was down."
      />
      {refused.total === 0 ? (
        <p className="text-fg-muted px-4 py-4 text-sm">None: every delivery that reached the desk was answered.</p>
      ) : (
        <>
          <ul className="divide-line divide-y">
            {refused.byEndpoint.map((row) => (
              <li key={row.endpointId} className="grid grid-cols-[1fr_auto] items-center gap-x-3 px-4 py-2.5 text-sm">
                <span className="text-fg">
                  {row.label}
                  <span className="text-fg-subtle ml-2 text-xs">
                    {row.firstAt === row.lastAt
                      ? formatDateTime(row.lastAt)
                      : `${formatDateTime(row.firstAt)} – ${formatDateTime(row.lastAt)}`}
                  </span>
                </span>
                <span className="text-fg tabular-nums">{formatCount(row.count)}</span>
              </li>
            ))}
          </ul>
          <p className="border-line text-fg-muted border-t px-4 py-2.5 text-xs">
            TribeMade may not send these again, and their contents were never read. Copy the order ids of that time from your
            TribeMade dashboard and use{" "}
            <Link href="/orders?add=missing" className="text-fg font-medium underline underline-offset-4">
              Add missing orders
            </Link>
            .
          </p>
        </>
      )}
    </Card>
  );
}
