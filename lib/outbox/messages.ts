// The outbox's table of kinds: how the drain schedules each one (priority, attempts, the TribeMade
// rate bucket it spends) and the row every writer inserts. What a kind's payload holds, how its rows
// are built and what sending one does belong to the domain that handles it, which registers its
// handlers (lib/outbox/registry.ts): lib/orders/outbox/ (verify_order, push_status,
// refresh_order), lib/fulfillment/outbox/ (forward) and lib/notifications/outbox/ (notify_push,
// notify_email). A new kind is added to the OutboxKind enum
// (prisma/schema.prisma), to the tables here, and to its domain's handlers. Client-safe.

export const OUTBOX_KINDS = ["push_status", "verify_order", "refresh_order", "forward", "notify_push", "notify_email"] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/**
 * Lower drains first inside a store: a person's status click (0) before verifying new orders (1)
 * before background refreshes (2). Forwarding to the merchant's own system does not spend a
 * TribeMade budget, so its priority only orders it among the store's other work; nor do notifications
 * (a push service, an SMTP server), which go first: a merchant waits for them.
 */
export const PRIORITY = {
  push_status: 0,
  verify_order: 1,
  forward: 1,
  refresh_order: 2,
  notify_push: 0,
  notify_email: 0,
} as const satisfies Record<OutboxKind, number>;

/**
 * Attempts before a message is dead (kept, with its last error, for a person to retry). With full
 * jitter from 2 s doubling to a 2 h cap (lib/outbox/backoff.ts) these span roughly: push_status
 * ~3 h, verify_order ~9 h (TribeMade may be down for a while; a verdict matters), refresh_order
 * ~15 min (the next scheduled refresh tries again anyway), forward ~9 h (the merchant's system),
 * notifications ~30 min (a new-order push hours late is noise; a push service down for longer
 * loses it, and the page still shows the order).
 * A 429 and a paused store (rejected key) do not spend attempts.
 */
export const MAX_ATTEMPTS = {
  push_status: 12,
  verify_order: 15,
  refresh_order: 6,
  forward: 15,
  notify_push: 10,
  notify_email: 10,
} as const satisfies Record<OutboxKind, number>;

/**
 * TribeMade's per-store rate-limit bucket each kind spends from; forward calls the merchant's own
 * system and notifications a push service or SMTP server, so none of them spends TribeMade's.
 */
export const BUCKETS = ["order_status", "order_get"] as const;
export type Bucket = (typeof BUCKETS)[number];
export const BUCKET_OF = {
  push_status: "order_status",
  verify_order: "order_get",
  refresh_order: "order_get",
  forward: null,
  notify_push: null,
  notify_email: null,
} as const satisfies Record<OutboxKind, Bucket | null>;

/**
 * Kinds that never call TribeMade: claimed even while a store is paused (rejected key) or has no
 * key yet, never parked. As a SQL list for the claim, the listener and the pause.
 */
export const OFF_TRIBEMADE_KINDS = OUTBOX_KINDS.filter((kind) => BUCKET_OF[kind] === null);
export const OFF_TRIBEMADE_SQL = `(${OFF_TRIBEMADE_KINDS.map((kind) => `'${kind}'`).join(", ")})`;

/** A row for OutboxMessage, ready for `tx.outboxMessage.createMany({ data, skipDuplicates: true })`. */
export type OutboxRow = {
  storeId: string;
  kind: OutboxKind;
  payload: object;
  dedupeKey: string;
  priority: number;
  availableAt?: Date;
};
