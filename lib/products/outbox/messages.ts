import { z } from "zod";
import { PRIORITY, type OutboxRow } from "@/lib/outbox/messages";

// The products domain's outbox kinds (lib/outbox/messages.ts schedules them; lib/products/outbox/
// handlers.ts sends them): each payload, its dedupe key and its row. Writers (a verification, a
// status change, a person's edit, the products learnt after a batch) build rows with these inside
// their own transaction or statement. Client-safe: no database access here.

const uuid = z.uuid();

export const readProductPayload = z.object({
  /** Product.id (ours). */
  productId: uuid,
  tribemadeProductId: z.string().min(1).max(100),
});

export const STOCK_CHANGES = ["sale", "restock", "set"] as const;
export type StockChange = (typeof STOCK_CHANGES)[number];

/**
 * An order's stock change (sale or restock), or none: a person's "set stock" is a StockLedger row
 * already, written with its message. Either way the handler applies every open ledger row of the
 * product, in order, once.
 */
export const applyStockPayload = z.object({
  tribemadeProductId: z.string().min(1).max(100),
  /** The order (ours) whose verification or cancellation this is; loads the order for the handler. */
  orderId: uuid.optional(),
  change: z.enum(["sale", "restock"]).optional(),
  quantity: z.number().int().positive().optional(),
  /** For a restock: the order version its cancellation produced (an undone cancel and a new one are two). */
  version: z.number().int().nonnegative().optional(),
  /** For a set: StockLedger.id. */
  ledgerId: z.string().regex(/^\d+$/).optional(),
});

export const editProductPayload = z.object({
  productId: uuid,
  tribemadeProductId: z.string().min(1).max(100),
  // Types only: the form checks TribeMade's rules (lib/products/schemas.ts); TribeMade is the judge,
  // and its 400 is shown in its own words.
  fields: z.object({ price: z.number(), current_price: z.number(), is_active: z.boolean() }).partial(),
  /** ProductEvent.id of the `edit_requested` event. */
  requestEventId: z.string().regex(/^\d+$/),
  /** Who asked (User.id), or null for the "hide at 0" rule. */
  requestedBy: uuid.nullable(),
});

export type ReadProductPayload = z.infer<typeof readProductPayload>;
export type ApplyStockPayload = z.infer<typeof applyStockPayload>;
export type EditProductPayload = z.infer<typeof editProductPayload>;

/**
 * Same store + same key → enqueued once. A sale is keyed by its order: a verification that runs
 * twice queues one. A restock by the cancellation's order version. The StockLedger's unique
 * (order, product, change) is what makes each apply once even if a message came twice.
 */
export const DEDUPE_KEY = {
  read_product: (p: Pick<ReadProductPayload, "productId">, slot: string) => `read-product:${p.productId}:${slot}`,
  sale: (orderId: string) => `stock:${orderId}:sale`,
  restock: (orderId: string, version: number) => `stock:${orderId}:restock:${version}`,
  set: (ledgerId: string) => `stock:set:${ledgerId}`,
  edit_product: (p: Pick<EditProductPayload, "requestEventId">) => `edit-product:${p.requestEventId}`,
} as const;

export function readProductRow(storeId: string, payload: ReadProductPayload, slot: string): OutboxRow {
  return {
    storeId,
    kind: "read_product",
    payload: readProductPayload.parse(payload),
    dedupeKey: DEDUPE_KEY.read_product(payload, slot),
    priority: PRIORITY.read_product,
  };
}

/** Written with the verification (orders' verify_order) when the store keeps stock in Tribedesk. */
export function saleRow(storeId: string, order: { id: string; productId: string; quantity: number }): OutboxRow {
  return {
    storeId,
    kind: "apply_stock",
    payload: applyStockPayload.parse({
      tribemadeProductId: order.productId,
      orderId: order.id,
      change: "sale",
      quantity: order.quantity,
    }),
    dedupeKey: DEDUPE_KEY.sale(order.id),
    priority: PRIORITY.apply_stock,
  };
}

/** Written with a cancellation; due with its push (after the undo window), so an undone cancel restocks nothing. */
export function restockRow(
  storeId: string,
  order: { id: string; productId: string; quantity: number; version: number },
  availableAt?: Date,
): OutboxRow {
  return {
    storeId,
    kind: "apply_stock",
    payload: applyStockPayload.parse({
      tribemadeProductId: order.productId,
      orderId: order.id,
      change: "restock",
      quantity: order.quantity,
      version: order.version,
    }),
    dedupeKey: DEDUPE_KEY.restock(order.id, order.version),
    priority: PRIORITY.apply_stock,
    availableAt,
  };
}

export function setStockRow(storeId: string, tribemadeProductId: string, ledgerId: string, availableAt: Date): OutboxRow {
  return {
    storeId,
    kind: "apply_stock",
    payload: applyStockPayload.parse({ tribemadeProductId, ledgerId }),
    dedupeKey: DEDUPE_KEY.set(ledgerId),
    priority: PRIORITY.edit_product,
    availableAt,
  };
}

export function editProductRow(storeId: string, payload: EditProductPayload, availableAt?: Date): OutboxRow {
  return {
    storeId,
    kind: "edit_product",
    payload: editProductPayload.parse(payload),
    dedupeKey: DEDUPE_KEY.edit_product(payload),
    priority: PRIORITY.edit_product,
    availableAt,
  };
}
