import { ExternalLink, Star } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { RepeatBadge } from "@/components/customers/repeat-badge";
import { ProductThumb } from "@/components/orders/product-cell";
import { Card, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Money } from "@/components/ui/money";
import type { OrderDetailDto } from "@/lib/orders/schemas";

// The order page's fact cards: the customer (with both addresses: the one-string address the
// webhook carried, and the structured one TribeMade's API returns) and what was ordered.

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[6.5rem_1fr] gap-3 py-2 text-sm first:pt-0 last:pb-0">
      <dt className="text-fg-muted">{label}</dt>
      <dd className="text-fg min-w-0 break-words">{children}</dd>
    </div>
  );
}

const none = <span className="text-fg-subtle">—</span>;

export function CustomerCard({ order }: { order: OrderDetailDto }) {
  const address = order.tribemadeAddress;
  const structured = address
    ? [address.line1, address.line2, address.city, address.state, address.country].filter(Boolean).join(", ")
    : null;
  return (
    <Card>
      <CardHeader title="Customer" />
      <dl className="divide-line divide-y px-4 py-3">
        <Row label="Name">
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
            {order.customerName}
            <RepeatBadge customerId={order.customerId} ordinal={order.customerOrdinal} />
            {order.customerId && (order.customerOrdinal ?? 0) < 2 ? (
              <Link href={`/customers/${order.customerId}`} className="text-accent-text text-xs hover:underline">
                Customer page
              </Link>
            ) : null}
          </span>
        </Row>
        <Row label="Email">
          <span className="flex items-center justify-between gap-2">
            <a
              href={`mailto:${order.customerEmail}`}
              className="hover:text-accent-text min-w-0 [overflow-wrap:anywhere] hover:underline"
            >
              {order.customerEmail}
            </a>
            <CopyButton value={order.customerEmail} iconOnly label="Copy email" variant="ghost" />
          </span>
        </Row>
        <Row label="Phone">
          <span className="flex items-center justify-between gap-2">
            <a
              href={`tel:${order.customerPhone.replace(/[^\d+]/g, "")}`}
              className="hover:text-accent-text tabular-nums hover:underline"
            >
              {order.customerPhone}
            </a>
            <CopyButton value={order.customerPhone} iconOnly label="Copy phone" variant="ghost" />
          </span>
        </Row>
        <Row label="Pincode">
          <span className="tabular-nums">{order.customerPincode}</span>
        </Row>
        <Row label="Address (webhook)">{order.customerAddress ?? none}</Row>
        <Row label="Address (TribeMade)">
          {structured ? (
            <>
              {structured}
              {address?.pincode ? <span className="text-fg-muted"> · {address.pincode}</span> : null}
            </>
          ) : (
            <span className="text-fg-subtle">Shown once TribeMade&apos;s API confirms the order.</span>
          )}
        </Row>
      </dl>
    </Card>
  );
}

export function OrderedCard({ order }: { order: OrderDetailDto }) {
  const choices = [
    ["Variation", order.variation],
    ["Size", order.size],
    ["Colour", order.color],
  ] as const;
  return (
    <Card>
      <CardHeader title="Ordered" />
      <div className="flex items-center gap-3 px-4 pt-3">
        <ProductThumb src={order.productImage} name={order.productName} size="lg" />
        <div className="min-w-0">
          <p className="text-fg truncate text-sm font-medium">{order.productName ?? "Product name not known yet"}</p>
          {order.productId ? <p className="text-fg-subtle truncate font-mono text-xs">{order.productId}</p> : null}
        </div>
      </div>
      <dl className="divide-line divide-y px-4 py-3">
        <Row label="Quantity">
          <span className="tabular-nums">{order.quantity}</span>
        </Row>
        <Row label="Amount">
          <Money amount={order.amount} className="font-medium" />
        </Row>
        {choices.map(([label, value]) =>
          value ? (
            <Row key={label} label={label}>
              {value}
            </Row>
          ) : null,
        )}
        <Row label="Instructions">{order.specialInstructions ?? none}</Row>
        {order.customQuestions.length > 0 ? (
          <Row label="Questions">
            <ul className="grid gap-1.5">
              {order.customQuestions.map((item, index) => (
                <li key={index}>
                  {item.question ? <span className="text-fg-muted block text-xs">{item.question}</span> : null}
                  {item.answer ?? <code className="text-xs break-all">{JSON.stringify(item.raw)}</code>}
                </li>
              ))}
            </ul>
          </Row>
        ) : null}
        <Row label="Tracking">
          {order.trackingUrl ? (
            <a
              href={order.trackingUrl}
              target="_blank"
              rel="noreferrer noopener"
              className="text-accent-text inline-flex max-w-full items-center gap-1 hover:underline"
            >
              <span className="truncate">{order.trackingUrl}</span>
              <ExternalLink className="size-3.5 shrink-0" aria-hidden="true" />
            </a>
          ) : (
            none
          )}
        </Row>
        {order.rating !== null || order.review ? (
          <Row label="Review">
            {order.rating !== null ? (
              <span className="inline-flex items-center gap-0.5" aria-label={`${order.rating} out of 5`}>
                {Array.from({ length: 5 }, (_, index) => (
                  <Star
                    key={index}
                    aria-hidden="true"
                    className={
                      index < (order.rating ?? 0) ? "size-3.5 fill-amber-400 text-amber-400" : "text-line-strong size-3.5"
                    }
                  />
                ))}
              </span>
            ) : null}
            {order.review ? <p className="text-fg-muted mt-1">“{order.review}”</p> : null}
          </Row>
        ) : null}
      </dl>
    </Card>
  );
}
