"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { DeliveryRowDto } from "@/lib/webhooks/schemas";
import { formatFull, formatStamp } from "@/lib/format/dates";
import { deliveryHref } from "@/lib/webhooks/deliveries-url";
import { shortId } from "@/lib/format/ids";
import { formatBytes, formatMs } from "@/lib/format/numbers";
import { reasonLabel } from "@/lib/webhooks/reasons";

/** Dense, newest first. A row opens the delivery; the time cell is the real link (keyboard, new tab). */
export function DeliveriesTable({ rows, fresh }: { rows: DeliveryRowDto[]; fresh: ReadonlySet<string> }) {
  const router = useRouter();
  return (
    <Table aria-label="Webhook deliveries" data-testid="deliveries-table">
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Received</TableHead>
          <TableHead>Outcome</TableHead>
          <TableHead className="hidden sm:table-cell">Order</TableHead>
          <TableHead className="hidden md:table-cell">Customer</TableHead>
          <TableHead className="hidden lg:table-cell">Endpoint</TableHead>
          <TableHead className="hidden text-right sm:table-cell">Ack</TableHead>
          <TableHead className="hidden text-right sm:table-cell">Size</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow
            key={row.id}
            data-delivery-id={row.id}
            data-fresh={fresh.has(row.id) || undefined}
            onClick={(event) => {
              if (event.defaultPrevented || (event.target as HTMLElement).closest("a")) return;
              router.push(deliveryHref(row.id));
            }}
            className={cn(
              "cursor-pointer transition-colors duration-1000",
              fresh.has(row.id) && "bg-accent/8 dark:bg-accent/15 duration-0",
            )}
          >
            <TableCell className="py-2 whitespace-nowrap">
              <Link
                href={deliveryHref(row.id)}
                title={formatFull(row.receivedAt)}
                className="text-fg hover:text-accent-text font-mono text-xs tabular-nums hover:underline"
              >
                {formatStamp(row.receivedAt)}
              </Link>
              {/* Phones have no room for the columns below: their gist goes under the time. */}
              <div className="text-fg-muted mt-0.5 max-w-44 truncate text-xs sm:hidden">
                {row.customerName ?? (row.reason ? reasonLabel(row.reason) : null) ?? "—"}
                {row.orderRef ? <span className="text-fg-subtle font-mono"> · {shortId(row.orderRef)}</span> : null}
              </div>
            </TableCell>
            <TableCell className="py-2 whitespace-nowrap">
              <span className="inline-flex items-center gap-1.5">
                <StatusBadge kind="delivery" value={row.outcome} />
                {row.replayOfId ? (
                  <Badge tone="violet" title="Replayed from the inspector">
                    Replay
                  </Badge>
                ) : null}
                {row.reason ? <span className="text-fg-muted hidden text-xs sm:inline">{reasonLabel(row.reason)}</span> : null}
              </span>
            </TableCell>
            <TableCell
              className="text-fg-muted hidden py-2 font-mono text-xs whitespace-nowrap sm:table-cell"
              title={row.orderRef ?? undefined}
            >
              {shortId(row.orderRef)}
            </TableCell>
            <TableCell className="hidden max-w-48 truncate py-2 md:table-cell">
              {row.customerName ?? <span className="text-fg-subtle">—</span>}
            </TableCell>
            <TableCell className="text-fg-muted hidden max-w-40 truncate py-2 lg:table-cell">{row.endpointLabel}</TableCell>
            <TableCell className="text-fg-muted hidden py-2 text-right text-xs whitespace-nowrap tabular-nums sm:table-cell">
              {formatMs(row.ackMs)}
            </TableCell>
            <TableCell className="text-fg-muted hidden py-2 text-right text-xs whitespace-nowrap tabular-nums sm:table-cell">
              {formatBytes(row.bodySize)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
