import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { StatusBadge, type StatusValue } from "@/components/ui/status-badge";
import { TimeAgo } from "@/components/ui/time-ago";
import type { ProductOrderRow } from "@/lib/products/product-page";

/** The product's latest orders, each linked to its order page. */
export function ProductOrders({ orders }: { orders: ProductOrderRow[] }) {
  return (
    <Card>
      <CardHeader title="Orders" description="The latest 25 orders of this product." />
      {orders.length === 0 ? (
        <p className="text-fg-muted px-4 pb-4 text-sm">No orders yet.</p>
      ) : (
        <ul className="divide-line divide-y">
          {orders.map((order) => (
            <li key={order.id}>
              <Link
                href={`/orders/${order.id}`}
                className="hover:bg-surface-2 flex flex-wrap items-center justify-between gap-x-4 gap-y-1 px-4 py-2.5 text-sm"
              >
                <span className="text-fg min-w-0 truncate font-medium">{order.customerName}</span>
                <span className="text-fg-muted flex items-center gap-3">
                  <span className="tabular-nums">× {order.quantity}</span>
                  <Money amount={order.amount} />
                  <StatusBadge kind="order" value={order.status as StatusValue<"order">} />
                  <TimeAgo date={order.receivedAt.toISOString()} />
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
