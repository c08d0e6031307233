import { Badge, type BadgeTone } from "@/components/ui/badge";

// One place that decides how every state in the app looks, so the order feed, the order page,
// the webhook inspector and the outbox agree. Values mirror the Prisma enums (prisma/schema.prisma);
// kept as literals here so this file stays client-safe.

type Look = { label: string; tone: BadgeTone; hint: string; pulse?: boolean };

const looks = {
  order: {
    started: { label: "Started", tone: "blue", hint: "Paid; not yet being prepared" },
    processing: { label: "Processing", tone: "amber", hint: "Being prepared for dispatch" },
    dispatched: { label: "Dispatched", tone: "violet", hint: "Handed to the courier" },
    delivered: { label: "Delivered", tone: "green", hint: "Delivered to the customer" },
    cancelled: { label: "Cancelled", tone: "neutral", hint: "Cancelled; no further changes" },
  },
  verification: {
    unverified: { label: "Unverified", tone: "neutral", hint: "Not yet checked against TribeMade's API" },
    verified: { label: "Verified", tone: "green", hint: "TribeMade's API confirms this order" },
    mismatch: { label: "Mismatch", tone: "amber", hint: "TribeMade's API disagrees with the webhook on some fields" },
    not_found: { label: "Not found", tone: "red", hint: "TribeMade's API does not know this order" },
  },
  sync: {
    synced: { label: "Synced", tone: "green", hint: "TribeMade has the latest status" },
    pending: { label: "Syncing", tone: "blue", hint: "Status change queued for TribeMade", pulse: true },
    failed: { label: "Sync failed", tone: "red", hint: "TribeMade refused the last status change" },
  },
  delivery: {
    accepted: { label: "Accepted", tone: "green", hint: "Recorded as a new order" },
    duplicate: { label: "Duplicate", tone: "neutral", hint: "Same order_id seen before; acknowledged, not re-added" },
    rejected: { label: "Rejected", tone: "red", hint: "Stored for inspection but not accepted" },
  },
  outbox: {
    pending: { label: "Pending", tone: "blue", hint: "Waiting for its next attempt" },
    leased: { label: "Running", tone: "violet", hint: "A worker is sending it now", pulse: true },
    done: { label: "Done", tone: "green", hint: "Completed" },
    dead: { label: "Dead", tone: "red", hint: "Gave up after a permanent error or too many attempts" },
  },
} as const satisfies Record<string, Record<string, Look>>;

export type StatusKind = keyof typeof looks;
export type StatusValue<K extends StatusKind> = keyof (typeof looks)[K];

export type StatusBadgeProps<K extends StatusKind> = {
  kind: K;
  value: StatusValue<K>;
  className?: string;
};

/** `<StatusBadge kind="order" value="dispatched" />`: the label, colour and tooltip for a state. */
export function StatusBadge<K extends StatusKind>({ kind, value, className }: StatusBadgeProps<K>) {
  const look = looks[kind][value] as Look | undefined;
  if (!look) return <Badge className={className}>{String(value)}</Badge>;
  return (
    <Badge tone={look.tone} dot pulse={look.pulse} title={look.hint} className={className}>
      {look.label}
    </Badge>
  );
}

/** The human label for a state, for selects and filters. */
export function statusLabel<K extends StatusKind>(kind: K, value: StatusValue<K>): string {
  return (looks[kind][value] as Look | undefined)?.label ?? String(value);
}
