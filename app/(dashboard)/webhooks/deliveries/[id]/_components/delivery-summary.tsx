import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { StatusBadge } from "@/components/ui/status-badge";
import type { DeliveryDetailDto } from "@/lib/webhooks/schemas";
import { deliveryHref } from "@/lib/webhooks/deliveries-url";
import { formatFull } from "@/lib/format/dates";
import { shortId } from "@/lib/format/ids";
import { formatBytes, formatMs } from "@/lib/format/numbers";
import { reasonStatus } from "@/lib/webhooks/reasons";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[7rem_1fr] gap-3 px-4 py-2">
      <dt className="text-fg-muted">{label}</dt>
      <dd className="text-fg min-w-0">{children}</dd>
    </div>
  );
}

export function DeliverySummary({ delivery }: { delivery: DeliveryDetailDto }) {
  return (
    <Card>
      <CardHeader title="Summary" />
      <dl className="divide-line divide-y text-sm">
        <Row label="Outcome">
          <span className="inline-flex flex-wrap items-center gap-1.5">
            <StatusBadge kind="delivery" value={delivery.outcome} />
            {delivery.reason ? <code className="text-fg-muted font-mono text-xs">{delivery.reason}</code> : null}
          </span>
          {delivery.reason && reasonStatus(delivery.reason) ? (
            <p className="text-fg-muted mt-1 text-xs">
              TribeMade was answered HTTP {reasonStatus(delivery.reason)} with this code
              {delivery.errors.some((issue) => issue.path !== "") ? "; the failing fields are under Validation" : ""}.
            </p>
          ) : null}
        </Row>
        <Row label="Received">{formatFull(delivery.receivedAt)}</Row>
        <Row label="Time to ack">
          <span className="tabular-nums">{formatMs(delivery.ackMs)}</span>
        </Row>
        <Row label="Endpoint">
          <span className="inline-flex flex-wrap items-center gap-1.5">
            {delivery.endpointLabel}
            {delivery.endpointRevoked ? <Badge>Revoked</Badge> : null}
          </span>
        </Row>
        <Row label="Order">
          {delivery.order ? (
            <Link href={`/orders/${delivery.order.id}`} className="text-accent-text hover:underline">
              {delivery.order.customerName} ·{" "}
              <span className="font-mono text-xs">{shortId(delivery.order.tribemadeOrderId)}</span>
            </Link>
          ) : delivery.orderRef ? (
            <span className="text-fg-muted font-mono text-xs break-all" title="No order was recorded from this delivery">
              {delivery.orderRef}
            </span>
          ) : (
            <span className="text-fg-subtle">None</span>
          )}
        </Row>
        {delivery.replayOfId ? (
          <Row label="Replay of">
            <Link href={deliveryHref(delivery.replayOfId)} className="text-accent-text font-mono text-xs hover:underline">
              {shortId(delivery.replayOfId)}
            </Link>
          </Row>
        ) : null}
        <Row label="Size">{formatBytes(delivery.bodySize)}</Row>
        <Row label="Delivery id">
          <span className="inline-flex max-w-full items-center gap-1">
            <code className="text-fg-muted truncate font-mono text-xs">{delivery.id}</code>
            <CopyButton value={delivery.id} iconOnly label="Copy delivery id" variant="ghost" />
          </span>
        </Row>
      </dl>
    </Card>
  );
}
