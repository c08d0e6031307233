// Request bodies of the control API (see control-api.ts). Strict objects: a typo in a test's
// request should fail loudly, not be ignored.

import { z } from "zod";
import { errorResponse, type ApiResponse } from "./http-io";
import { ORDER_STATUSES } from "./types";

const id = z.uuid().transform((value) => value.toLowerCase());
const nullableText = z.string().nullable();

export const createStoreSchema = z.strictObject({
  id: id.optional(),
  name: z.string().min(1).max(100).optional(),
  apiKey: z
    .string()
    .regex(/^tb-[A-Za-z0-9]{4}-[A-Za-z0-9]{3}-[A-Za-z0-9]{4}$/, "must look like tb-a1b2-c3d-e4f5")
    .optional(),
  webhookUrls: z.array(z.string()).optional(),
  categories: z.array(z.string().min(1)).optional(),
  /** Does TribeMade lower stock on a paid order (and raise it on a cancellation)? Default true. */
  lowersStock: z.boolean().optional(),
  /** Validated like POST /api/products/create; absent → the demo catalogue, [] → none. */
  products: z.array(z.unknown()).optional(),
});

export const webhookUrlsSchema = z.strictObject({ urls: z.array(z.string()) });
export const categoriesSchema = z.strictObject({ categories: z.array(z.string().min(1)) });
export const rotateKeySchema = z.strictObject({ apiKey: createStoreSchema.shape.apiKey }).partial();

const absentFields = z.enum(["omit", "null"]).optional();

export const orderOverridesSchema = z.strictObject({
  id: id.optional(),
  product_id: id.optional(),
  status: z.enum(ORDER_STATUSES).optional(),
  created_at: z.string().optional(),
  customer: z
    .strictObject({
      name: z.string(),
      email: z.string(),
      number: z.string(),
      full_address: z
        .strictObject({ line1: z.string(), line2: z.string(), city: z.string(), state: z.string(), country: z.string() })
        .partial(),
      pincode: z.string(),
    })
    .partial()
    .optional(),
  order_details: z
    .strictObject({
      quantity: z.number().int().min(1),
      amount: z.number().min(0),
      variation: nullableText,
      size: nullableText,
      color: nullableText,
      special_instructions: nullableText,
      custom_questions: z.array(z.strictObject({ question: z.string(), type: z.enum(["text", "image"]), answer: z.string() })),
    })
    .partial()
    .optional(),
});

export const placeOrderSchema = z.strictObject({
  overrides: orderOverridesSchema.optional(),
  sendWebhook: z.boolean().optional(),
  absentFields,
});

/** Concurrent copies are capped so a typo cannot open thousands of sockets. */
const times = z.number().int().min(1).max(200).optional();

export const resendSchema = z.strictObject({ times, urls: z.array(z.url()).optional(), absentFields });

export const rawWebhookSchema = z.strictObject({
  storeId: id.optional(),
  urls: z.array(z.url()).optional(),
  /** A string is sent byte for byte (malformed JSON too); anything else is JSON-encoded. */
  body: z.unknown(),
  times,
});

export const rateSchema = z.strictObject({ rating: z.number().int().min(1).max(5), review: z.string().nullable().optional() });

const phase = z.enum(["before", "after"]).default("before");

/** null clears that kind of fault; an absent key leaves it as it is. */
export const faultsSchema = z.strictObject({
  storeId: id.optional(),
  latencyMs: z.number().int().min(0).max(120_000).nullable().optional(),
  error5xx: z
    .strictObject({ rate: z.number().min(0).max(1), status: z.number().int().min(500).max(599).default(500), phase })
    .nullable()
    .optional(),
  hang: z
    .strictObject({ ms: z.number().int().min(1).max(600_000), rate: z.number().min(0).max(1).default(1), phase })
    .nullable()
    .optional(),
  forced429: z
    .strictObject({
      calls: z.number().int().min(1).optional(),
      durationMs: z.number().int().min(1).optional(),
      retryAfter: z.number().int().min(1).optional(),
    })
    .refine((value) => value.calls !== undefined || value.durationMs !== undefined, "set calls, durationMs or both")
    .nullable()
    .optional(),
});

export type ParseResult<T> = { ok: true; value: T } | { ok: false; response: ApiResponse };

export function parseControl<T>(schema: z.ZodType<T>, body: unknown): ParseResult<T> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(body)"}: ${issue.message}`);
  return { ok: false, response: errorResponse(400, "Invalid control request", { issues }) };
}
