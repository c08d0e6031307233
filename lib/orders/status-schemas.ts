import { z } from "zod";
import { storeFormSchema } from "@/lib/stores/schemas";
import type { BudgetSnapshot } from "@/lib/orders/eta";
import { orderFiltersSchema } from "@/lib/orders/schemas";
import { checkTrackingUrl, COURIERS, MAX_TRACKING_URL_LENGTH, trackingUrlFor } from "@/lib/orders/awb";
import { REF_PATTERN } from "@/lib/orders/tracking-list";
import { PUSHABLE_STATUSES } from "@/lib/orders/transitions";

// Contracts of the status actions (change, undo, retry, bulk, the store rule). Client-safe: the
// dialogs validate with the same schemas before calling the actions, which parse again.

/** Most orders a bulk action takes at once: at 20 a minute that is 50 minutes of pushes. */
export const MAX_BULK_ORDERS = 1_000;

const orderId = z.uuid("Unknown order.");
/** The Order.version the person saw; a different current version means someone else changed it. */
const version = z.number().int().nonnegative();
const target = z.enum(PUSHABLE_STATUSES, { error: "Choose processing, dispatched, delivered or cancelled." });

/** A tracking link typed or pasted as is. */
const trackingUrl = z
  .string()
  .max(MAX_TRACKING_URL_LENGTH, "That link is too long.")
  .transform((value, ctx) => {
    const checked = checkTrackingUrl(value);
    if (!checked.ok) {
      ctx.addIssue({ code: "custom", message: checked.message });
      return z.NEVER;
    }
    return checked.url;
  });

/** "Mark dispatched" takes a link, an AWB with its courier (built into a link), or nothing. */
export const trackingInputSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("none") }),
    z.object({ kind: z.literal("url"), url: trackingUrl }),
    z.object({
      kind: z.literal("awb"),
      courier: z.enum(COURIERS, { error: "Choose the courier." }),
      awb: z.string().max(40, "That AWB is too long."),
    }),
  ])
  .transform((input, ctx): string | null => {
    if (input.kind === "none") return null;
    if (input.kind === "url") return input.url;
    const built = trackingUrlFor(input.courier, input.awb);
    if (!built.ok) {
      ctx.addIssue({ code: "custom", message: built.message, path: ["awb"] });
      return z.NEVER;
    }
    return built.url;
  });
export type TrackingInput = z.input<typeof trackingInputSchema>;

export const changeStatusSchema = z
  .object({
    orderId,
    version,
    status: target,
    tracking: trackingInputSchema.default(null),
  })
  .refine((input) => input.tracking === null || input.status === "dispatched", {
    message: "A tracking link goes with Mark dispatched only.",
    path: ["tracking"],
  });
export type ChangeStatusInput = z.input<typeof changeStatusSchema>;

/** Undo and retry name the change by the version it produced. */
export const statusChangeRefSchema = z.object({ orderId, version });
export type StatusChangeRef = z.infer<typeof statusChangeRefSchema>;

/**
 * The pasted list as order reference (short id) → tracking link. At most one line per order a bulk
 * action can take, counted before any key or link is parsed: 45,000 short keys fit in a server
 * action's 1 MB, and each one costs a URL parse and a match.
 */
const trackingListSchema = z
  .unknown()
  .check(
    z.refine(
      (value) => typeof value !== "object" || value === null || Object.keys(value).length <= MAX_BULK_ORDERS,
      `Paste at most ${MAX_BULK_ORDERS.toLocaleString("en-IN")} tracking lines at once.`,
    ),
  )
  .pipe(z.record(z.string().regex(REF_PATTERN, "Not an order's short id."), trackingUrl));

export const undoStatusChangesSchema = z.object({
  changes: z.array(statusChangeRefSchema).min(1, "Nothing to undo.").max(MAX_BULK_ORDERS),
});

export const bulkStatusSchema = z
  .object({
    status: target,
    /** Rows picked in the feed, with the version each showed. */
    orders: z
      .array(z.object({ id: orderId, version: version.optional() }))
      .min(1, "Select at least one order.")
      .max(MAX_BULK_ORDERS, `Select at most ${MAX_BULK_ORDERS.toLocaleString("en-IN")} orders at once.`)
      .optional(),
    /** "All matching": the feed's filter, resolved on the server (the newest MAX_BULK_ORDERS). */
    filters: orderFiltersSchema.optional(),
    /** For dispatch: order reference (short id) → tracking link, from the pasted list. */
    tracking: trackingListSchema.default({}),
    /** For dispatch: orders with no line in the list go without a link instead of being skipped. */
    dispatchWithoutTracking: z.boolean().default(false),
  })
  .refine((input) => input.status === "dispatched" || Object.keys(input.tracking).length === 0, {
    message: "Tracking links go with Mark dispatched only.",
    path: ["tracking"],
  })
  .refine((input) => (input.orders === undefined) !== (input.filters === undefined), {
    message: "Select some orders, or all orders matching the filter.",
    path: ["orders"],
  });
export type BulkStatusInput = z.input<typeof bulkStatusSchema>;

export const autoProcessSchema = storeFormSchema.extend({ enabled: z.boolean() });

/** Bulk progress polls the orders it changed. */
export const syncStatesQuerySchema = z.object({ ids: z.array(orderId).min(1).max(MAX_BULK_ORDERS) });

// The JSON the status routes answer with, as schemas the browser parses every answer with
// (lib/http/fetch-json.ts).

/** An order's status and sync state, as bulk progress and a click's result poll them. */
export const syncStateViewSchema = z.object({
  id: z.string(),
  status: z.string(),
  sync: z.string(),
  syncError: z.string().nullable(),
  version: z.number(),
  trackingUrl: z.string().nullable(),
});
export type SyncStateView = z.infer<typeof syncStateViewSchema>;
export const syncStatesSchema = z.object({ orders: z.array(syncStateViewSchema) });

export const statusBudgetViewSchema = z.object({
  budget: z.object({
    used: z.number(),
    limit: z.number(),
    resetsAt: z.number().nullable(),
    blockedUntil: z.number().nullable(),
  }) satisfies z.ZodType<BudgetSnapshot>,
  /** Status pushes of the store waiting to be sent (pending or being sent). */
  queued: z.number(),
  /** The server's clock, so the meter's countdown does not depend on the browser's. */
  now: z.number(),
});
export type StatusBudgetView = z.infer<typeof statusBudgetViewSchema>;
