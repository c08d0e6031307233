import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ordinal } from "@/lib/customers/badge";
import type { CustomerDetailDto } from "@/lib/customers/schemas";
import { formatFull, formatStamp } from "@/lib/format/dates";
import { shortId } from "@/lib/format/ids";
import { orderHref } from "@/lib/orders/orders-url";

export function CustomerOrders({ customer, className }: { customer: CustomerDetailDto; className?: string }) {
  return (
    <Card className={className}>
      <CardHeader
        title="Orders"
        description={
          customer.ordersCut
            ? `The latest ${customer.orders.length} of ${customer.orderCount}, newest first.`
            : "Every order, newest first."
        }
      />
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Order</TableHead>
            <TableHead className="hidden sm:table-cell">Product</TableHead>
            <TableHead className="text-right">Amount</TableHead>
            <TableHead>Status</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {customer.orders.map((order) => (
            <TableRow key={order.id}>
              <TableCell className="py-2 whitespace-nowrap">
                <Link href={orderHref(order.id)} className="text-fg font-mono text-xs font-medium hover:underline">
                  {shortId(order.tribemadeOrderId)}
                </Link>
                <div className="text-fg-muted text-xs tabular-nums">
                  <time dateTime={order.receivedAt} title={formatFull(order.receivedAt)}>
                    {formatStamp(order.receivedAt)}
                  </time>
                  {order.customerOrdinal ? ` · ${ordinal(order.customerOrdinal)}` : null}
                </div>
              </TableCell>
              <TableCell className="text-fg-muted hidden max-w-64 truncate py-2 text-sm sm:table-cell">
                {order.productName ?? "—"} ×{order.quantity}
              </TableCell>
              <TableCell className="py-2 text-right">
                <Money amount={order.amount} />
              </TableCell>
              <TableCell className="py-2">
                <StatusBadge kind="order" value={order.status} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}
