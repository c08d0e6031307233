import { z } from "zod";
import { DELIVERY_OUTCOMES, type DeliveryOutcome, type FieldIssue } from "@/lib/webhooks/payload-schema";

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

export const createEndpointSchema = z.object({ label });
export const renameEndpointSchema = z.object({ endpointId: z.guid(), label });
export const revokeEndpointSchema = z.object({ endpointId: z.guid() });
export const replayDeliverySchema = z.object({ deliveryId: z.guid() });

/** TribeMade accepts at most 5 webhook URLs per store; more active endpoints could never all be used. */
export const MAX_ACTIVE_ENDPOINTS = 5;

export type DeliveryRowDto = {
  id: string;
  receivedAt: string;
  outcome: DeliveryOutcome;
  reason: string | null;
  /** TribeMade's order_id from the payload, when readable (rejected deliveries too). */
  orderRef: string | null;
  /** Our Order.id when the delivery is linked to an order (accepted and duplicates). */
  orderId: string | null;
  customerName: string | null;
  endpointId: string;
  endpointLabel: string;
  ackMs: number | null;
  bodySize: number;
  replayOfId: string | null;
};

export type DeliveryPageDto = { items: DeliveryRowDto[]; nextCursor: string | null };

export type DeliveryDetailDto = DeliveryRowDto & {
  headers: Record<string, string>;
  /** The stored body, byte-exact. */
  bodyBase64: string;
  bodySha256: string;
  errors: FieldIssue[];
  warnings: string[];
  endpointRevoked: boolean;
  order: { id: string; tribemadeOrderId: string; customerName: string; status: string } | null;
  /** Other deliveries carrying the same order_id, newest first: candidates for "Compare". */
  related: DeliveryRowDto[];
};

export type HourBucketDto = { hour: string; accepted: number; duplicate: number; rejected: number };

export type DeliveryMetricsDto = {
  from: string;
  to: string;
  hours: HourBucketDto[];
  totals: { accepted: number; duplicate: number; rejected: number; replays: number };
  reasons: Array<{ reason: string; count: number }>;
  /** Time to ack of TribeMade's own deliveries (replays excluded), milliseconds. */
  ack: { p50: number | null; p95: number | null; p99: number | null; max: number | null; samples: number };
};

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
