import { z } from "zod";
import { storeFormSchema } from "@/lib/stores/schemas";
import { DELIVERY_OUTCOMES, type DeliveryOutcome } from "@/lib/webhooks/payload-schema";

// The inspector's contracts (docs/code-style.md §9): the query strings the /api/deliveries routes accept,
// the server actions' inputs, and the JSON shapes the routes answer with. Client-safe. Dates travel
// as ISO strings, so a server prefetch and a browser fetch put identical data in the query cache.

export const DELIVERY_RANGES = ["1h", "24h", "7d", "30d", "all"] as const;
export type DeliveryRange = (typeof DELIVERY_RANGES)[number];

export const RANGE_MS: Record<Exclude<DeliveryRange, "all">, number> = {
  "1h": 3_600_000,
  "24h": 86_400_000,
  "7d": 7 * 86_400_000,
  "30d": 30 * 86_400_000,
};

/** Query strings carry "" for a cleared filter; that means "no filter", not "invalid". */
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

export const deliveryFiltersSchema = z.object({
  outcome: optional(z.enum(DELIVERY_OUTCOMES)),
  endpoint: optional(z.guid("must be an endpoint id")),
  /** A rejection reason (metrics link here), e.g. invalid_payload. */
  reason: optional(z.string().max(50)),
  range: z.preprocess(blankToUndefined, z.enum(DELIVERY_RANGES).default("all")),
  /** Order id (or its start), customer email, phone or name. */
  q: optional(z.string().trim().max(200)),
});
export type DeliveryFilters = z.infer<typeof deliveryFiltersSchema>;

export const DELIVERY_PAGE_SIZE = 50;

export const deliveryListQuerySchema = deliveryFiltersSchema.extend({
  cursor: optional(z.string().max(200)),
  limit: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100).default(DELIVERY_PAGE_SIZE)),
});
export type DeliveryListQuery = z.infer<typeof deliveryListQuerySchema>;

export const deliveryIdSchema = z.object({ id: z.guid("must be a delivery id") });

const label = z
  .string("Give the endpoint a name")
  .trim()
  .min(1, "Give the endpoint a name")
  .max(60, "Keep it under 60 characters");

/** Carries the store the Endpoints page was rendered for: a stale tab must not create one in another store. */
export const createEndpointSchema = storeFormSchema.extend({ label });
export const renameEndpointSchema = z.object({ endpointId: z.guid(), label });
export const revokeEndpointSchema = z.object({ endpointId: z.guid() });
export const replayDeliverySchema = z.object({ deliveryId: z.guid() });

/** TribeMade accepts at most 5 webhook URLs per store; more active endpoints could never all be used. */
export const MAX_ACTIVE_ENDPOINTS = 5;

// The JSON the inspector's routes answer with, as schemas the browser parses every answer with
// (lib/http/fetch-json.ts); unknown keys are dropped.

const nullableString = z.string().nullable();

export const deliveryRowSchema = z.object({
  id: z.string(),
  receivedAt: z.string(),
  outcome: z.enum(DELIVERY_OUTCOMES),
  reason: nullableString,
  /** TribeMade's order_id from the payload, when readable (rejected deliveries too). */
  orderRef: nullableString,
  /** Our Order.id when the delivery is linked to an order (accepted and duplicates). */
  orderId: nullableString,
  customerName: nullableString,
  endpointId: z.string(),
  endpointLabel: z.string(),
  ackMs: z.number().nullable(),
  bodySize: z.number(),
  replayOfId: nullableString,
});
export type DeliveryRowDto = z.infer<typeof deliveryRowSchema>;

export const deliveryPageSchema = z.object({ items: z.array(deliveryRowSchema), nextCursor: nullableString });
export type DeliveryPageDto = z.infer<typeof deliveryPageSchema>;

export const deliveryDetailSchema = deliveryRowSchema.extend({
  headers: z.record(z.string(), z.string()),
  /** The stored body, byte-exact ("" once retention purged it). */
  bodyBase64: z.string(),
  /** When retention emptied the body and headers (docs/outbox.md, "Housekeeping"); hash and size stay. */
  purgedAt: nullableString,
  bodySha256: z.string(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })),
  warnings: z.array(z.string()),
  endpointRevoked: z.boolean(),
  order: z.object({ id: z.string(), tribemadeOrderId: z.string(), customerName: z.string(), status: z.string() }).nullable(),
  /** Other deliveries carrying the same order_id, newest first: candidates for "Compare". */
  related: z.array(deliveryRowSchema),
});
export type DeliveryDetailDto = z.infer<typeof deliveryDetailSchema>;

const counts = { accepted: z.number(), duplicate: z.number(), rejected: z.number() };

/** Deliveries answered 503 and not stored, last 24 hours (lib/webhooks/refusal-queries.ts). */
export const refusalsSchema = z.object({
  total: z.number(),
  byEndpoint: z.array(
    z.object({ endpointId: z.string(), label: z.string(), count: z.number(), firstAt: z.string(), lastAt: z.string() }),
  ),
});
export type RefusalsDto = z.infer<typeof refusalsSchema>;

export const deliveryMetricsSchema = z.object({
  from: z.string(),
  to: z.string(),
  hours: z.array(z.object({ hour: z.string(), ...counts })),
  totals: z.object({ ...counts, replays: z.number() }),
  reasons: z.array(z.object({ reason: z.string(), count: z.number() })),
  /** Time to ack of TribeMade's own deliveries (replays excluded), milliseconds. */
  ack: z.object({
    p50: z.number().nullable(),
    p95: z.number().nullable(),
    p99: z.number().nullable(),
    max: z.number().nullable(),
    samples: z.number(),
  }),
  refused: refusalsSchema,
});
export type DeliveryMetricsDto = z.infer<typeof deliveryMetricsSchema>;
export type HourBucketDto = DeliveryMetricsDto["hours"][number];

export type EndpointDto = {
  id: string;
  label: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  deliveries24h: number;
};

export type CreatedEndpointDto = { endpoint: EndpointDto; url: string };

export type ReplayResultDto = {
  /** The new delivery the replay recorded (null when nothing could be stored, e.g. database down). */
  deliveryId: string | null;
  outcome: DeliveryOutcome | null;
  /** Error code when the replay was not accepted or duplicate. */
  reason: string | null;
  message: string;
};
