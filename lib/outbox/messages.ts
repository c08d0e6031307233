// The outbox's table of kinds: how the drain schedules each one (priority, attempts, the TribeMade
// rate bucket it spends) and the row every writer inserts. What a kind's payload holds, how its rows
// are built and what sending one does belong to the domain that handles it, which registers its
// handlers (lib/outbox/registry.ts): lib/orders/outbox/ (verify_order, push_status,
// refresh_order, fetch_order), lib/fulfillment/outbox/ (forward), lib/products/outbox/ (read_product,
// apply_stock, edit_product) and lib/notifications/outbox/ (notify_push, notify_email). A new kind
// is added to the OutboxKind enum (prisma/schema.prisma), to the tables here, and to its domain's
// handlers. Client-safe.

export const OUTBOX_KINDS = [
  "push_status",
  "verify_order",
  "refresh_order",
  "forward",
  "read_product",
  "apply_stock",
  "edit_product",
  "fetch_order",
  "notify_push",
  "notify_email",
] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/**
 * Lower drains first inside a store: a person's status click (0) and a person adding a missing
 * order by id (0) before verifying new orders (1) before background refreshes (2). Forwarding to
 * the merchant's own system does not spend a TribeMade budget, so its priority only orders it among
 * the store's other work; nor do notifications (a push service, an SMTP server), which go first: a
 * merchant waits for them.
 */
export const PRIORITY = {
  push_status: 0,
  verify_order: 1,
  forward: 1,
  refresh_order: 2,
  // A person's product edit is a click like a status change; stock follows orders as they are
  // verified; reading a product is background work.
  edit_product: 0,
  apply_stock: 1,
  read_product: 2,
  // A person adding a missing order by id waits in the dialog.
  fetch_order: 0,
  notify_push: 0,
  notify_email: 0,
} as const satisfies Record<OutboxKind, number>;

/**
 * Attempts before a message is dead (kept, with its last error, for a person to retry). With full
 * jitter from 2 s doubling to a 2 h cap (lib/outbox/backoff.ts) these span roughly: push_status
 * ~3 h, verify_order ~9 h (TribeMade may be down for a while; a verdict matters), refresh_order
 * ~15 min (the next scheduled refresh tries again anyway), forward ~9 h (the merchant's system),
 * read_product ~15 min (read again on the next order or on demand), apply_stock and edit_product
 * ~9 h like a verification (a stock count that is wrong sells what is not there),
 * fetch_order ~1 h (a person is waiting in the dialog; a 404 is final at once), notifications
 * ~30 min (a new-order push hours late is noise; a push service down for longer loses it, and the
 * page still shows the order).
 * A 429 and a paused store (rejected key) do not spend attempts.
 */
export const MAX_ATTEMPTS = {
  push_status: 12,
  verify_order: 15,
  refresh_order: 6,
  forward: 15,
  read_product: 6,
  apply_stock: 15,
  edit_product: 15,
  fetch_order: 8,
  notify_push: 10,
  notify_email: 10,
} as const satisfies Record<OutboxKind, number>;

/**
 * TribeMade's per-store rate-limit bucket each kind spends its first call from; forward calls the
 * merchant's own system and notifications a push service or SMTP server, so none of them spends
 * TribeMade's. apply_stock is claimed against product_edit, the scarce 20/min budget its PUT needs,
 * then takes a product_get slot for the read before it; a slot it did not spend goes back
 * (lib/outbox/process-batch.ts), so a product read never waits on an edit slot it then wastes.
 */
export const BUCKETS = ["order_status", "order_get", "product_get", "product_edit"] as const;
export type Bucket = (typeof BUCKETS)[number];
export const BUCKET_OF = {
  push_status: "order_status",
  verify_order: "order_get",
  refresh_order: "order_get",
  fetch_order: "order_get",
  forward: null,
  read_product: "product_get",
  apply_stock: "product_edit",
  edit_product: "product_edit",
  notify_push: null,
  notify_email: null,
} as const satisfies Record<OutboxKind, Bucket | null>;

/** The kinds whose first call spends `bucket` (a spent bucket defers them together). */
export function kindsOfBucket(bucket: Bucket): OutboxKind[] {
  return OUTBOX_KINDS.filter((kind) => BUCKET_OF[kind] === bucket);
}

/**
 * Kinds that never call TribeMade: claimed even while a store is paused (rejected key) or has no
 * key yet (the claim's bucket IS NULL), never parked. As a SQL list for the listener and the pause.
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
