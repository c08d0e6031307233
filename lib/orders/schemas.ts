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
});
export type OrderFilters = z.infer<typeof orderFiltersSchema>;

export const ORDER_PAGE_SIZE = 50;

export const orderListQuerySchema = orderFiltersSchema.extend({
  cursor: optional(z.string().max(200)),
  limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100).default(ORDER_PAGE_SIZE)),
});
export type OrderListQuery = z.infer<typeof orderListQuerySchema>;

export const orderIdSchema = z.object({ id: z.guid("must be an order id") });

/** One row of the feed: what the list shows and what the status buttons need (status, version). */
export type OrderRowDto = {
  /** Order.id (ours): URLs and actions use it. */
  id: string;
  /** TribeMade's order_id: what merchants and customers quote. */
  tribemadeOrderId: string;
  status: OrderStatus;
  verification: Verification;
  sync: SyncState;
  syncError: string | null;
  /** Optimistic concurrency: a status change carries the version it saw. */
  version: number;
  customerName: string;
  customerPincode: string;
  productId: string | null;
  /** From TribeMade's API once verified (the webhook carries only the product id). */
  productName: string | null;
  productImage: string | null;
  quantity: number;
  /** Rupees as a decimal string, e.g. "2048.00". */
  amount: string;
  trackingUrl: string | null;
  /** TribeMade's created_at, when the webhook had one. */
  placedAt: string | null;
  receivedAt: string;
  updatedAt: string;
  /** Last time a label, slip or invoice was printed (lib/documents); the feed marks it. */
  printedAt: string | null;
};

export type OrderPageDto = { items: OrderRowDto[]; nextCursor: string | null };

/** Orders per open status under the current filters (every filter but the status itself). */
export type OrderCountsDto = Record<OpenStatus, number>;

/** "Home at a glance", above the feed. Today is the IST calendar day. */
export type OrderGlanceDto = {
  today: { orders: number; revenue: string };
  /** `started`: waiting for the merchant. */
  toProcess: number;
  /** …of which placed more than 24 hours ago. */
  overdue: number;
  failedSyncs: number;
  /** Outbox messages that gave up (any kind); /outbox shows them. */
  deadMessages: number;
};

/** A webhook delivery as the order page shows it (the inspector has the rest). */
export type DeliveryRefDto = {
  id: string;
  receivedAt: string;
  outcome: "accepted" | "duplicate" | "rejected";
  endpointLabel: string;
  ackMs: number | null;
  replay: boolean;
};

/**
 * One line of the order's story, oldest first. `event` is an OrderEvent (its `data` as stored; the
 * page knows the types it can describe and shows the rest as JSON); `delivery` a webhook delivery
 * no event points at.
 */
export type TimelineEntryDto =
  | {
      kind: "event";
      id: string;
      at: string;
      type: string;
      actor: string;
      data: unknown;
      /** The delivery the event is about (received, duplicate_received). */
      delivery: DeliveryRefDto | null;
    }
  | { kind: "delivery"; id: string; at: string; delivery: DeliveryRefDto };

/** TribeMade's structured address (GET /api/orders/{id}); any field may be missing. */
export type TribemadeAddressDto = Partial<Record<"line1" | "line2" | "city" | "state" | "country", string>> & {
  pincode?: string;
};

export type CustomAnswerDto = { question: string | null; answer: string | null; raw: unknown };

export type OrderDetailDto = OrderRowDto & {
  customerEmail: string;
  customerPhone: string;
  /** The one-string address the webhook carried. */
  customerAddress: string | null;
  /** The address TribeMade's API returns, once verified. */
  tribemadeAddress: TribemadeAddressDto | null;
  variation: string | null;
  size: string | null;
  color: string | null;
  specialInstructions: string | null;
  customQuestions: CustomAnswerDto[];
  rating: number | null;
  review: string | null;
  /** Fields where TribeMade's API disagreed with the webhook (verification mismatch). */
  verificationDiff: unknown;
  verifiedAt: string | null;
  lastRefreshedAt: string | null;
  timeline: TimelineEntryDto[];
};
