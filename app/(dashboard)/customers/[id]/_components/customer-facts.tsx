import type { ReactNode } from "react";
import { Card, CardHeader } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { formatDate, formatFull } from "@/lib/format/dates";
import type { CustomerAddressDto, CustomerDetailDto } from "@/lib/customers/schemas";

function Figure({ label, children, hint }: { label: string; children: ReactNode; hint?: string }) {
  return (
    <Card className="p-4">
      <div className="text-fg-muted text-xs font-medium">{label}</div>
      <div className="text-fg mt-1 text-lg font-semibold tabular-nums">{children}</div>
      {hint ? <div className="text-fg-muted mt-0.5 text-xs">{hint}</div> : null}
    </Card>
  );
}

export function CustomerFigures({ customer }: { customer: CustomerDetailDto }) {
  return (
    <section aria-label="At a glance" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      <Figure label="Orders" hint={customer.cancelledOrders ? `${customer.cancelledOrders} cancelled` : undefined}>
        {customer.orderCount}
      </Figure>
      <Figure label="Lifetime value" hint="Orders not cancelled">
        <Money amount={customer.lifetimeValue} />
      </Figure>
      <Figure label="First order">
        <time dateTime={customer.firstOrderAt} title={formatFull(customer.firstOrderAt)}>
          {formatDate(customer.firstOrderAt)}
        </time>
      </Figure>
      <Figure label="Last order">
        <time dateTime={customer.lastOrderAt} title={formatFull(customer.lastOrderAt)}>
          {formatDate(customer.lastOrderAt)}
        </time>
      </Figure>
    </section>
  );
}

export function CustomerAddresses({ addresses }: { addresses: CustomerAddressDto[] }) {
  return (
    <Card>
      <CardHeader title="Addresses used" />
      <ul className="divide-line divide-y px-4 py-1">
        {addresses.map((address) => (
          <li key={`${address.address}|${address.pincode}`} className="py-2.5 text-sm">
            <div className="text-fg break-words">{address.address ?? "No street address"}</div>
            <div className="text-fg-muted text-xs tabular-nums">
              {address.pincode} · {address.orders} {address.orders === 1 ? "order" : "orders"}, last{" "}
              {formatDate(address.lastUsedAt)}
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
