import { z } from "zod";

// The outbox's message catalogue: every kind's payload, priority and dedupe key, in one place.
// Writers (webhook ingest, status changes, the refresh scheduler) build rows with these helpers
// inside their own transaction; the drain (lib/outbox/drain*.ts) parses payloads with the same
// schemas. Client-safe: no database access here.

export const OUTBOX_KINDS = ["push_status", "verify_order", "refresh_order", "forward"] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];

/**
 * Lower drains first inside a store: a person's status click (0) before verifying new orders (1)
 * before background refreshes (2). Forwarding to the merchant's own system does not spend a
 * TribeMade budget, so its priority only orders it among the store's other work.
 */
export const PRIORITY = { push_status: 0, verify_order: 1, forward: 1, refresh_order: 2 } as const satisfies Record<
  OutboxKind,
  number
>;

/**
 * TribeMade emails the customer on every status change, so a push waits this long before it may
 * be sent; until then the person who clicked can undo it (the toast's Undo) and nothing leaves.
 */
export const UNDO_WINDOW_MS = 5_000;

/**
 * Attempts before a message is dead (kept, with its last error, for a person to retry). With full
 * jitter from 2 s doubling to a 2 h cap (lib/outbox/backoff.ts) these span roughly: push_status
 * ~3 h, verify_order ~9 h (TribeMade may be down for a while; a verdict matters), refresh_order
 * ~15 min (the next scheduled refresh tries again anyway), forward ~9 h (the merchant's system).
 * A 429 and a paused store (rejected key) do not spend attempts.
 */
export const MAX_ATTEMPTS = { push_status: 12, verify_order: 15, refresh_order: 6, forward: 15 } as const satisfies Record<
  OutboxKind,
  number
>;

/** TribeMade's per-store rate-limit bucket each kind spends from; forward calls the merchant's own system. */
export const BUCKETS = ["order_status", "order_get"] as const;
export type Bucket = (typeof BUCKETS)[number];
export const BUCKET_OF = {
  push_status: "order_status",
  verify_order: "order_get",
  refresh_order: "order_get",
  forward: null,
} as const satisfies Record<OutboxKind, Bucket | null>;

/** Statuses a person may ask TribeMade for; `started` cannot be set (TribeMade's rule). */
export const PUSHABLE_STATUSES = ["processing", "dispatched", "delivered", "cancelled"] as const;

const uuid = z.uuid();

export const verifyOrderPayload = z.object({
  /** Order.id (ours). */
  orderId: uuid,
  /** TribeMade's order_id. */
  tribemadeOrderId: uuid,
});

export const pushStatusPayload = z.object({
  orderId: uuid,
  tribemadeOrderId: uuid,
  status: z.enum(PUSHABLE_STATUSES),
  trackingUrl: z.url({ protocol: /^https?$/ }).nullable(),
  /** The Order.version this change produced; pushes for one order are sent in version order. */
  version: z.number().int().nonnegative(),
  /** OrderEvent.id of the `status_requested` event, so results can point back at the click. */
  requestEventId: z.string().regex(/^\d+$/),
  /** Who clicked (User.id), or null for a store rule. */
  requestedBy: uuid.nullable(),
});

export const refreshOrderPayload = z.object({
  orderId: uuid,
  tribemadeOrderId: uuid,
});

/** The body sent is the order's accepted delivery as TribeMade sent it (found at send time). */
export const forwardPayload = z.object({
  orderId: uuid,
  tribemadeOrderId: uuid,
});

export const PAYLOAD_SCHEMAS = {
  push_status: pushStatusPayload,
  verify_order: verifyOrderPayload,
  refresh_order: refreshOrderPayload,
  forward: forwardPayload,
} as const satisfies Record<OutboxKind, z.ZodType>;

export type OutboxPayload<K extends OutboxKind> = z.infer<(typeof PAYLOAD_SCHEMAS)[K]>;

/**
 * Same store + same key → enqueued once (the unique index on OutboxMessage(storeId, dedupeKey)).
 * A webhook delivered twice verifies once; a status change is keyed by the version it produced,
 * so a double-submitted click cannot queue two emails to the customer; a refresh is keyed by its
 * slot, so two schedulers running at once queue one.
 */
export const DEDUPE_KEY = {
  verify_order: (p: OutboxPayload<"verify_order">) => `verify:${p.tribemadeOrderId}`,
  push_status: (p: OutboxPayload<"push_status">) => `push:${p.orderId}:${p.version}`,
  refresh_order: (p: OutboxPayload<"refresh_order">, slot: string) => `refresh:${p.orderId}:${slot}`,
  forward: (p: OutboxPayload<"forward">) => `forward:${p.tribemadeOrderId}`,
} as const;

/**
 * The verify_order row's kind, payload, dedupeKey and priority columns as SQL, for the ingest
 * statement (lib/webhooks/ingest/statement.ts), which inserts it in the same statement as the
 * order. Both arguments are SQL expressions (Order.id, TribeMade's order_id as text); the result
 * matches verifyOrderPayload, DEDUPE_KEY.verify_order and PRIORITY.verify_order.
 */
export function verifyOrderSqlColumns(orderIdSql: string, tribemadeOrderIdSql: string): string {
  return `'verify_order', jsonb_build_object('orderId', ${orderIdSql}, 'tribemadeOrderId', ${tribemadeOrderIdSql}),
        'verify:' || (${tribemadeOrderIdSql}), ${PRIORITY.verify_order}`;
}

/** A row for OutboxMessage, ready for `tx.outboxMessage.createMany({ data, skipDuplicates: true })`. */
export type OutboxRow = {
  storeId: string;
  kind: OutboxKind;
  payload: object;
  dedupeKey: string;
  priority: number;
  availableAt?: Date;
};

export function pushStatusRow(storeId: string, payload: OutboxPayload<"push_status">, now = new Date()): OutboxRow {
  return {
    storeId,
    kind: "push_status",
    payload: pushStatusPayload.parse(payload),
    dedupeKey: DEDUPE_KEY.push_status(payload),
    priority: PRIORITY.push_status,
    availableAt: new Date(now.getTime() + UNDO_WINDOW_MS),
  };
}

export function verifyOrderRow(storeId: string, payload: OutboxPayload<"verify_order">): OutboxRow {
  return {
    storeId,
    kind: "verify_order",
    payload: verifyOrderPayload.parse(payload),
    dedupeKey: DEDUPE_KEY.verify_order(payload),
    priority: PRIORITY.verify_order,
  };
}

export function refreshOrderRow(storeId: string, payload: OutboxPayload<"refresh_order">, slot: string): OutboxRow {
  return {
    storeId,
    kind: "refresh_order",
    payload: refreshOrderPayload.parse(payload),
    dedupeKey: DEDUPE_KEY.refresh_order(payload, slot),
    priority: PRIORITY.refresh_order,
  };
}

export function forwardRow(storeId: string, payload: OutboxPayload<"forward">): OutboxRow {
  return {
    storeId,
    kind: "forward",
    payload: forwardPayload.parse(payload),
    dedupeKey: DEDUPE_KEY.forward(payload),
    priority: PRIORITY.forward,
  };
}
