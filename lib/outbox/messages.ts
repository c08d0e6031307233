// The outbox's table of kinds: how the drain schedules each one (priority, attempts, the TribeMade
// rate bucket it spends) and the row every writer inserts. What a kind's payload holds, how its rows
// are built and what sending one does belong to the domain that handles it, which registers its
// handlers (lib/outbox/registry.ts): lib/orders/outbox/ (verify_order, push_status,
// refresh_order, fetch_order) and lib/fulfillment/outbox/ (forward). A new kind is added to the OutboxKind enum
// (prisma/schema.prisma), to the tables here, and to its domain's handlers. Client-safe.

export const OUTBOX_KINDS = ["push_status", "verify_order", "refresh_order", "forward", "fetch_order"] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/**
 * Lower drains first inside a store: a person's status click (0) and a person adding a missing
 * order by id (0) before verifying new orders (1) before background refreshes (2). Forwarding to the merchant's own system does not spend a
 * TribeMade budget, so its priority only orders it among the store's other work.
 */
export const PRIORITY = {
  push_status: 0,
  fetch_order: 0,
  verify_order: 1,
  forward: 1,
  refresh_order: 2,
} as const satisfies Record<OutboxKind, number>;

/**
 * Attempts before a message is dead (kept, with its last error, for a person to retry). With full
 * jitter from 2 s doubling to a 2 h cap (lib/outbox/backoff.ts) these span roughly: push_status
 * ~3 h, verify_order ~9 h (TribeMade may be down for a while; a verdict matters), refresh_order
 * ~15 min (the next scheduled refresh tries again anyway), forward ~9 h (the merchant's system),
 * fetch_order ~1 h (a person is waiting in the dialog; a 404 is final at once).
 * A 429 and a paused store (rejected key) do not spend attempts.
 */
export const MAX_ATTEMPTS = {
  push_status: 12,
  verify_order: 15,
  refresh_order: 6,
  forward: 15,
  fetch_order: 8,
} as const satisfies Record<OutboxKind, number>;

/** TribeMade's per-store rate-limit bucket each kind spends from; forward calls the merchant's own system. */
export const BUCKETS = ["order_status", "order_get"] as const;
export type Bucket = (typeof BUCKETS)[number];
export const BUCKET_OF = {
  push_status: "order_status",
  verify_order: "order_get",
  refresh_order: "order_get",
  fetch_order: "order_get",
  forward: null,
} as const satisfies Record<OutboxKind, Bucket | null>;

/** A row for OutboxMessage, ready for `tx.outboxMessage.createMany({ data, skipDuplicates: true })`. */
export type OutboxRow = {
  storeId: string;
  kind: OutboxKind;
  payload: object;
  dedupeKey: string;
  priority: number;
  availableAt?: Date;
};
