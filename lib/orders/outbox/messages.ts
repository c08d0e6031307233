import { z } from "zod";
import { PRIORITY, type OutboxRow } from "@/lib/outbox/messages";
import { PUSHABLE_STATUSES } from "@/lib/orders/transitions";
import { UNDO_WINDOW_MS } from "@/lib/orders/undo-window";

// The orders domain's outbox kinds (lib/outbox/messages.ts schedules them; lib/orders/outbox/
// handlers.ts sends them): each payload, its dedupe key and its row. Writers (webhook ingest,
// status changes, the refresh scheduler) build rows with these inside their own transaction; the
// handlers parse payloads with the same schemas. Client-safe: no database access here.

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

/** "Add missing orders": read an order TribeMade has and the desk does not (no webhook arrived). */
export const fetchOrderPayload = z.object({
  tribemadeOrderId: uuid,
  /** The member who asked (User.id and name, shown as "added by"). */
  addedBy: z.object({ userId: uuid, name: z.string().min(1).max(200) }),
  /** One submission of the dialog: its progress is read back by this id. */
  requestId: uuid,
});

export type VerifyOrderPayload = z.infer<typeof verifyOrderPayload>;
export type FetchOrderPayload = z.infer<typeof fetchOrderPayload>;
export type PushStatusPayload = z.infer<typeof pushStatusPayload>;
export type RefreshOrderPayload = z.infer<typeof refreshOrderPayload>;

/**
 * Same store + same key → enqueued once (the unique index on OutboxMessage(storeId, dedupeKey)).
 * A webhook delivered twice verifies once; a status change is keyed by the version it produced,
 * so a double-submitted click cannot queue two emails to the customer; a refresh is keyed by its
 * slot, so two schedulers running at once queue one.
 */
export const DEDUPE_KEY = {
  verify_order: (p: Pick<VerifyOrderPayload, "tribemadeOrderId">) => `verify:${p.tribemadeOrderId}`,
  push_status: (p: Pick<PushStatusPayload, "orderId" | "version">) => `push:${p.orderId}:${p.version}`,
  refresh_order: (p: Pick<RefreshOrderPayload, "orderId">, slot: string) => `refresh:${p.orderId}:${slot}`,
  /** Per submission: an id TribeMade did not know yesterday may be added again today. */
  fetch_order: (p: Pick<FetchOrderPayload, "tribemadeOrderId" | "requestId">) => `fetch:${p.requestId}:${p.tribemadeOrderId}`,
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

/** Due once the undo window has passed: until then the click can be undone and nothing leaves. */
export function pushStatusRow(storeId: string, payload: PushStatusPayload, now = new Date()): OutboxRow {
  return {
    storeId,
    kind: "push_status",
    payload: pushStatusPayload.parse(payload),
    dedupeKey: DEDUPE_KEY.push_status(payload),
    priority: PRIORITY.push_status,
    availableAt: new Date(now.getTime() + UNDO_WINDOW_MS),
  };
}

export function verifyOrderRow(storeId: string, payload: VerifyOrderPayload): OutboxRow {
  return {
    storeId,
    kind: "verify_order",
    payload: verifyOrderPayload.parse(payload),
    dedupeKey: DEDUPE_KEY.verify_order(payload),
    priority: PRIORITY.verify_order,
  };
}

export function refreshOrderRow(storeId: string, payload: RefreshOrderPayload, slot: string): OutboxRow {
  return {
    storeId,
    kind: "refresh_order",
    payload: refreshOrderPayload.parse(payload),
    dedupeKey: DEDUPE_KEY.refresh_order(payload, slot),
    priority: PRIORITY.refresh_order,
  };
}

export function fetchOrderRow(storeId: string, payload: FetchOrderPayload): OutboxRow {
  return {
    storeId,
    kind: "fetch_order",
    payload: fetchOrderPayload.parse(payload),
    dedupeKey: DEDUPE_KEY.fetch_order(payload),
    priority: PRIORITY.fetch_order,
  };
}
