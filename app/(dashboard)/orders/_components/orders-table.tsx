"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { RepeatBadge } from "@/components/customers/repeat-badge";
import { TagChips } from "@/components/customers/tag-chip";
import { repeatBadgeText } from "@/lib/customers/badge";
import { PrintedMark } from "@/components/documents/printed-mark";
import { OrderChecks, OrderStatus } from "@/components/orders/order-badges";
import { ProductCell } from "@/components/orders/product-cell";
import type { OrderSelection } from "@/components/orders/use-order-selection";
import { WhatsappRowAction, type WhatsappStore } from "@/components/orders/whatsapp-row-action";
import { cn } from "@/components/ui/cn";
import { Money } from "@/components/ui/money";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatFull, formatStamp } from "@/lib/format/dates";
import { shortId } from "@/lib/format/ids";
import { orderHref } from "@/lib/orders/orders-url";
import type { OrderRowDto } from "@/lib/orders/schemas";

// The feed's rows: dense, newest first. A row opens its order; the order id is the real link
// (keyboard, new tab). Phones get the gist of the hidden columns under the customer's name.
// `focusedId` marks the keyboard cursor (data-focused) for the shortcut handler to move. The row's
// WhatsApp button sits with its checks, at the row's end: under the amount until the checks get
// their own column (one of the two is displayed at any width).

export type OrdersTableProps = {
  storeId: string;
  rows: OrderRowDto[];
  fresh: ReadonlySet<string>;
  selection: OrderSelection;
  /** Now, for "over 24 h" (one clock for the whole table). */
  now: number;
  focusedId?: string | null;
  /** The store's name and WhatsApp wording, for each row's WhatsApp menu. */
  whatsapp: WhatsappStore;
};

export function OrdersTable({ storeId, rows, fresh, selection, now, focusedId, whatsapp }: OrdersTableProps) {
  const router = useRouter();
  const ids = rows.map((row) => row.id);
  const selectedHere = ids.filter((id) => selection.isSelected(id)).length;
  const all = rows.length > 0 && selectedHere === rows.length;
  return (
    <Table aria-label="Orders" data-testid="orders-table" className="table-fixed">
      <colgroup>
        <col className="w-10" />
        <col className="hidden w-28 sm:table-column" />
        <col />
        <col className="hidden w-[30%] md:table-column" />
        <col className="hidden w-12 lg:table-column" />
        <col className="w-28" />
        <col className="hidden w-36 sm:table-column" />
        <col className="hidden w-32 lg:table-column" />
      </colgroup>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead className="pr-0">
            <input
              type="checkbox"
              aria-label={all ? "Unselect the orders shown" : "Select the orders shown"}
              checked={all}
              ref={(node) => {
                if (node) node.indeterminate = selectedHere > 0 && !all;
              }}
              onChange={(event) => selection.setMany(ids, event.target.checked)}
              className="accent-accent size-4 align-middle"
            />
          </TableHead>
          <TableHead className="hidden sm:table-cell">Order</TableHead>
          <TableHead>Customer</TableHead>
          <TableHead className="hidden md:table-cell">Product</TableHead>
          <TableHead className="hidden text-right lg:table-cell">Qty</TableHead>
          <TableHead className="text-right">Amount</TableHead>
          <TableHead className="hidden sm:table-cell">Status</TableHead>
          <TableHead className="hidden lg:table-cell">Checks</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => {
          const selected = selection.isSelected(row.id);
          return (
            <TableRow
              key={row.id}
              data-order-id={row.id}
              data-fresh={fresh.has(row.id) || undefined}
              data-focused={focusedId === row.id || undefined}
              data-state={selected ? "selected" : undefined}
              onClick={(event) => {
                const target = event.target as HTMLElement;
                if (event.defaultPrevented || target.closest("a, button, input, label")) return;
                // React bubbles clicks from portals: an item of the row's WhatsApp menu is not the row.
                if (!event.currentTarget.contains(target)) return;
                router.push(orderHref(row.id));
              }}
              className={cn(
                "cursor-pointer transition-colors duration-1000",
                fresh.has(row.id) && "bg-accent/8 dark:bg-accent/15 duration-0",
                focusedId === row.id && "outline-ring outline-2 -outline-offset-2",
              )}
            >
              <TableCell className="py-2 pr-0">
                <input
                  type="checkbox"
                  aria-label={`Select order ${shortId(row.tribemadeOrderId)}`}
                  checked={selected}
                  onChange={() => selection.toggle(row.id)}
                  className="accent-accent size-4 align-middle"
                />
              </TableCell>
              <TableCell className="hidden py-2 whitespace-nowrap sm:table-cell">
                <Link
                  href={orderHref(row.id)}
                  title={`Order ${row.tribemadeOrderId}`}
                  className="text-fg hover:text-accent-text font-mono text-xs font-medium hover:underline"
                >
                  {shortId(row.tribemadeOrderId)}
                </Link>
                <time
                  dateTime={row.placedAt ?? row.receivedAt}
                  title={formatFull(row.placedAt ?? row.receivedAt)}
                  className="text-fg-muted mt-0.5 block text-xs tabular-nums"
                >
                  {formatStamp(row.placedAt ?? row.receivedAt)}
                </time>
              </TableCell>
              <TableCell className="min-w-0 py-2">
                <div className="flex min-w-0 items-center gap-1.5 font-medium">
                  <span className="truncate">{row.customerName}</span>
                  {row.printedAt ? <PrintedMark at={row.printedAt} /> : null}
                </div>
                {/* Badge and tags on their own line: beside the name they squeezed it out of a narrow column. */}
                {repeatBadgeText(row.customerOrdinal) || row.tags.length > 0 ? (
                  <div className="my-0.5 flex flex-wrap items-center gap-1">
                    <RepeatBadge customerId={row.customerId} ordinal={row.customerOrdinal} />
                    <TagChips tags={row.tags} className="max-sm:hidden" />
                  </div>
                ) : null}
                {/* Phones: the order column is hidden, so its id (the link) and time go here. */}
                <div className="text-fg-muted truncate text-xs sm:hidden">
                  <Link href={orderHref(row.id)} className="text-fg font-mono hover:underline">
                    {shortId(row.tribemadeOrderId)}
                  </Link>{" "}
                  · <span className="tabular-nums">{formatStamp(row.placedAt ?? row.receivedAt)}</span>
                </div>
                <div className="text-fg-muted hidden truncate text-xs sm:block">
                  <span className="md:hidden">{row.productName ? `${row.productName} · ` : ""}</span>
                  {row.customerPincode}
                </div>
                <div className="mt-1 sm:hidden">
                  <OrderStatus order={row} now={now} />
                </div>
              </TableCell>
              <TableCell className="hidden py-2 md:table-cell">
                <ProductCell name={row.productName} image={row.productImage} productId={row.productId} />
              </TableCell>
              <TableCell className="text-fg-muted hidden py-2 text-right tabular-nums lg:table-cell">×{row.quantity}</TableCell>
              <TableCell className="py-2 text-right">
                <Money amount={row.amount} className="font-medium" />
                <div className="mt-0.5 flex flex-wrap items-center justify-end gap-1 lg:hidden">
                  <OrderChecks order={row} />
                  <WhatsappRowAction storeId={storeId} order={row} whatsapp={whatsapp} className="-my-1.5 -mr-2" />
                </div>
              </TableCell>
              <TableCell className="hidden py-2 sm:table-cell">
                <OrderStatus order={row} now={now} />
              </TableCell>
              <TableCell className="hidden py-2 lg:table-cell">
                <div className="flex flex-wrap items-center justify-between gap-1">
                  <OrderChecks order={row} />
                  <WhatsappRowAction storeId={storeId} order={row} whatsapp={whatsapp} className="-my-1" size="icon-sm" />
                </div>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
