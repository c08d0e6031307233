import { AlertTriangle, BadgeCheck, Clock } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { StatusBadge } from "@/components/ui/status-badge";
import { PROCESS_WITHIN_MS, type OrderRowDto } from "@/lib/orders/schemas";

// An order's state at a glance: its status ("started" reads "To process"), a flag when it has
// waited past TribeMade's 24 hours, and the verification and sync badges. Quiet states (verified,
// synced) are a small icon with a tooltip so a calm feed stays calm; anything needing attention is
// a labelled badge.

export function isOverdue(order: Pick<OrderRowDto, "status" | "placedAt" | "receivedAt">, now: number): boolean {
  return order.status === "started" && now - Date.parse(order.placedAt ?? order.receivedAt) > PROCESS_WITHIN_MS;
}

export function OrderStatus({ order, now }: { order: Pick<OrderRowDto, "status" | "placedAt" | "receivedAt">; now: number }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      {order.status === "started" ? (
        <Badge tone="blue" dot title="Paid; not yet being prepared">
          To process
        </Badge>
      ) : (
        <StatusBadge kind="order" value={order.status} />
      )}
      {isOverdue(order, now) ? (
        <Badge tone="amber" title="Placed more than 24 hours ago: TribeMade asks merchants to start processing within 24 hours">
          <Clock className="size-3" aria-hidden="true" />
          Over 24 h
        </Badge>
      ) : null}
    </span>
  );
}

export function OrderChecks({ order }: { order: Pick<OrderRowDto, "verification" | "sync" | "syncError"> }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      {order.verification === "verified" ? (
        <span title="Verified: TribeMade's API confirms this order" className="text-emerald-600 dark:text-emerald-400">
          <BadgeCheck className="size-4" aria-hidden="true" />
          <span className="sr-only">Verified</span>
        </span>
      ) : (
        <StatusBadge kind="verification" value={order.verification} />
      )}
      {order.sync === "failed" ? (
        <Badge
          tone="red"
          dot
          title={order.syncError ? `TribeMade answered: ${order.syncError}` : "TribeMade refused the last status change"}
        >
          <AlertTriangle className="size-3" aria-hidden="true" />
          Sync failed
        </Badge>
      ) : order.sync === "pending" ? (
        <StatusBadge kind="sync" value="pending" />
      ) : null}
    </span>
  );
}
