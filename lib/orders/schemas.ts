import { z } from "zod";
import { OrderStatus, SyncState, Verification } from "@/lib/generated/prisma/enums";

// The orders feed's contracts (read side): the query strings /orders and /api/orders… accept, and
// the JSON they answer with. Client-safe. Dates travel as ISO strings and amounts as decimal
// strings (a Prisma Decimal never becomes a float), so a server prefetch and a browser fetch put
// identical data in the query cache.

export const ORDER_STATUSES = Object.values(OrderStatus);
export type { OrderStatus, SyncState, Verification };

/** The statuses that still need the merchant (the tabs with counts). */
export const OPEN_STATUSES = ["started", "processing", "dispatched"] as const satisfies readonly OrderStatus[];
export type OpenStatus = (typeof OPEN_STATUSES)[number];

/** TribeMade asks merchants to start processing within 24 hours; older `started` orders are flagged. */
export const PROCESS_WITHIN_MS = 24 * 3_600_000;

export const ORDER_RANGES = ["today", "yesterday", "7d", "30d"] as const;
export type OrderRange = (typeof ORDER_RANGES)[number];

/** "Sync failed" is the filter merchants need; "pending" shows what is still on its way. */
export const SYNC_FILTERS = ["failed", "pending"] as const satisfies readonly SyncState[];

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date (YYYY-MM-DD)");

export const orderFiltersSchema = z.object({
  status: optional(z.enum(OrderStatus)),
  /** Orders TribeMade does not know (not_found) are hidden unless asked for here. */
  verification: optional(z.enum(Verification)),
  sync: optional(z.enum(SYNC_FILTERS)),
  /** A preset day range in IST; `from`/`to` (IST days, inclusive) take precedence. */
  range: optional(z.enum(ORDER_RANGES)),
  from: optional(isoDay),
  to: optional(isoDay),
  /** Order id (or its start), customer name, email, phone digits or pincode. */
  q: optional(z.string().trim().max(200)),
  /** Orders carrying this tag (a Tag id). */
  tag: optional(z.guid()),
});
export type OrderFilters = z.infer<typeof orderFiltersSchema>;

export const ORDER_PAGE_SIZE = 50;

export const orderListQuerySchema = orderFiltersSchema.extend({
  cursor: optional(z.string().max(200)),
  limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100).default(ORDER_PAGE_SIZE)),
});
export type OrderListQuery = z.infer<typeof orderListQuerySchema>;

export const orderIdSchema = z.object({ id: z.guid("must be an order id") });

// The JSON the routes answer with, as schemas: the browser parses every answer with them
// (lib/http/fetch-json.ts), so a tab left open across a deploy that changed a shape says so
// instead of rendering nonsense. Unknown keys are dropped, so the server may add fields freely.

const nullableString = z.string().nullable();

/** One row of the feed: what the list shows and what the status buttons need (status, version). */
export const orderRowSchema = z.object({
  /** Order.id (ours): URLs and actions use it. */
  id: z.string(),
  /** TribeMade's order_id: what merchants and customers quote. */
  tribemadeOrderId: z.string(),
  status: z.enum(OrderStatus),
  verification: z.enum(Verification),
  sync: z.enum(SyncState),
  syncError: nullableString,
  /** Optimistic concurrency: a status change carries the version it saw. */
  version: z.number(),
  customerName: z.string(),
  customerPincode: z.string(),
  productId: nullableString,
  /** From TribeMade's API once verified (the webhook carries only the product id). */
  productName: nullableString,
  productImage: nullableString,
  quantity: z.number(),
  /** Rupees as a decimal string, e.g. "2048.00". */
  amount: z.string(),
  trackingUrl: nullableString,
  /** TribeMade's created_at, when the webhook had one. */
  placedAt: nullableString,
  receivedAt: z.string(),
  updatedAt: z.string(),
  /** Last time a label, slip or invoice was printed (lib/documents); the feed marks it. */
  printedAt: nullableString,
  /** The buyer (lib/customers), once the order has joined them (just after verification). */
  customerId: nullableString,
  /** This order is the customer's nth: the "repeat buyer · 4th order" badge. */
  customerOrdinal: z.number().nullable(),
  /** The merchant's tags on the order (lib/customers/tag-schemas.ts names the colours). */
  tags: z.array(z.object({ id: z.string(), name: z.string(), color: z.string() })),
});
export type OrderRowDto = z.infer<typeof orderRowSchema>;

/** The feed stream's `order` event (lib/orders/feed-stream.ts): a new or changed order, as a feed row. */
export const feedOrderEventSchema = z.object({ change: z.enum(["created", "updated"]), order: orderRowSchema });
export type FeedOrderEvent = z.infer<typeof feedOrderEventSchema>;

export const orderPageSchema = z.object({ items: z.array(orderRowSchema), nextCursor: nullableString });
export type OrderPageDto = z.infer<typeof orderPageSchema>;

/** Orders per open status under the current filters (every filter but the status itself). */
export const orderCountsSchema = z.looseRecord(z.enum(OPEN_STATUSES), z.number());
export type OrderCountsDto = z.infer<typeof orderCountsSchema>;

/** "Home at a glance", above the feed. Today is the IST calendar day. */
export const orderGlanceSchema = z.object({
  today: z.object({ orders: z.number(), revenue: z.string() }),
  /** `started`: waiting for the merchant. */
  toProcess: z.number(),
  /** …of which placed more than 24 hours ago. */
  overdue: z.number(),
  failedSyncs: z.number(),
  /** Outbox messages that gave up (any kind); /outbox shows them. */
  deadMessages: z.number(),
});
export type OrderGlanceDto = z.infer<typeof orderGlanceSchema>;

/** A webhook delivery as the order page shows it (the inspector has the rest). */
const deliveryRefSchema = z.object({
  id: z.string(),
  receivedAt: z.string(),
  outcome: z.enum(["accepted", "duplicate", "rejected"]),
  endpointLabel: z.string(),
  ackMs: z.number().nullable(),
  replay: z.boolean(),
});
export type DeliveryRefDto = z.infer<typeof deliveryRefSchema>;

/**
 * One line of the order's story, oldest first. `event` is an OrderEvent (its `data` as stored; the
 * page knows the types it can describe and shows the rest as JSON); `delivery` a webhook delivery
 * no event points at; `note` an internal note on the order.
 */
const timelineEntrySchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("event"),
    id: z.string(),
    at: z.string(),
    type: z.string(),
    actor: z.string(),
    data: z.unknown(),
    /** The delivery the event is about (received, duplicate_received). */
    delivery: deliveryRefSchema.nullable(),
  }),
  z.object({ kind: z.literal("delivery"), id: z.string(), at: z.string(), delivery: deliveryRefSchema }),
  /** An internal note (lib/customers): never sent to TribeMade or the customer. */
  z.object({
    kind: z.literal("note"),
    id: z.string(),
    at: z.string(),
    note: z.object({
      id: z.string(),
      body: z.string(),
      authorId: z.string().nullable(),
      authorName: z.string(),
      createdAt: z.string(),
      editedAt: z.string().nullable(),
    }),
  }),
]);
export type TimelineEntryDto = z.infer<typeof timelineEntrySchema>;

/** TribeMade's structured address (GET /api/orders/{id}); any field may be missing. */
const tribemadeAddressSchema = z
  .object({ line1: z.string(), line2: z.string(), city: z.string(), state: z.string(), country: z.string(), pincode: z.string() })
  .partial();
export type TribemadeAddressDto = z.infer<typeof tribemadeAddressSchema>;

const customAnswerSchema = z.object({ question: nullableString, answer: nullableString, raw: z.unknown() });
export type CustomAnswerDto = z.infer<typeof customAnswerSchema>;

export const orderDetailSchema = orderRowSchema.extend({
  customerEmail: z.string(),
  customerPhone: z.string(),
  /** The one-string address the webhook carried. */
  customerAddress: nullableString,
  /** The address TribeMade's API returns, once verified. */
  tribemadeAddress: tribemadeAddressSchema.nullable(),
  variation: nullableString,
  size: nullableString,
  color: nullableString,
  specialInstructions: nullableString,
  customQuestions: z.array(customAnswerSchema),
  rating: z.number().nullable(),
  review: nullableString,
  /** Fields where TribeMade's API disagreed with the webhook (verification mismatch). */
  verificationDiff: z.unknown(),
  verifiedAt: nullableString,
  lastRefreshedAt: nullableString,
  timeline: z.array(timelineEntrySchema),
});
export type OrderDetailDto = z.infer<typeof orderDetailSchema>;
