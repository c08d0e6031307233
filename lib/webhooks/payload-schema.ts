import { z } from "zod";

// The order.created payload contract (docs/tribemade-api.md §6, docs/architecture.md "Ingest"). Client-safe: the
// inspector shows the same rules the route applies.
//
// Required: event, order_id, customer.{name,email,number,pincode}, order_details.{quantity,amount}.
// Everything else the Webhooks page lists is validated when present; absent ones become warnings
// (its own curl example omits store_id and product_id, and merchants paste it).
// Unknown fields are allowed: the stored payload is the parsed body itself, never this schema's
// output, so z.object's stripping only shapes the typed view below.

export const WEBHOOK_EVENT = "order.created";

/** Length caps keep typed columns inside PostgreSQL's btree row limit (~2.7 kB) for indexed ones. */
const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const optionalText = (max: number) => text(max).nullish();

/** TribeMade sends "2024-11-16T10:30:45.123456" (UTC, no offset); an explicit offset is honoured. */
const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;

/** Parses an ISO 8601 timestamp, treating a missing offset as UTC; null when not a real instant. */
export function parseTribemadeTimestamp(value: string): Date | null {
  const match = ISO_TIMESTAMP.exec(value);
  if (!match) return null;
  const [, y, mo, d, h, mi, s = "0", fraction = "0", offset] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  const ms = Number(fraction.slice(0, 3).padEnd(3, "0"));
  if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59 || year < 1900) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // Date.UTC rolls 31 February over into March; a real date survives the round trip.
  if (new Date(utc).getUTCDate() !== day) return null;
  return new Date(utc - offsetMinutes(offset) * 60_000);
}

function offsetMinutes(offset: string | undefined): number {
  if (!offset || offset === "Z" || offset === "z") return 0;
  const digits = offset.slice(1).replace(":", "");
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || "0");
  return offset.startsWith("-") ? -minutes : minutes;
}

const timestamp = z.string().refine((value) => parseTribemadeTimestamp(value) !== null, "must be an ISO 8601 timestamp");

/** The webhook's address is one string; GET's is an object. Tolerate the object too. */
const address = z.union([
  text(2000),
  z.custom<Record<string, unknown>>(
    (value) => typeof value === "object" && value !== null && !Array.isArray(value),
    "must be a string or an object",
  ),
]);

export const webhookCustomerSchema = z.object({
  name: text(500),
  email: text(320),
  number: text(100),
  pincode: text(100),
  full_address: address.nullish(),
});

export const webhookOrderDetailsSchema = z.object({
  // Order.quantity is int4; Order.amount is numeric(12,2).
  quantity: z
    .number("must be a number")
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(2_147_483_647, "must be at most 2147483647"),
  amount: z.number("must be a number").min(0, "must not be negative").max(9_999_999_999.99, "must be at most 9999999999.99"),
  variation: optionalText(1000),
  size: optionalText(1000),
  color: optionalText(1000),
  special_instructions: optionalText(5000),
  custom_questions: z.array(z.unknown(), "must be an array").nullish(),
});

export const webhookPayloadSchema = z.object({
  event: z.literal(WEBHOOK_EVENT),
  order_id: z.guid("must be a UUID"),
  store_id: z.guid("must be a UUID").nullish(),
  product_id: optionalText(200),
  status: optionalText(50),
  created_at: timestamp.nullish(),
  customer: webhookCustomerSchema,
  order_details: webhookOrderDetailsSchema,
  custom_questions: z.array(z.unknown(), "must be an array").nullish(),
});

export type WebhookPayload = z.infer<typeof webhookPayloadSchema>;

/** One failing path, as answered in `details` and stored in WebhookDelivery.errors. */
export type FieldIssue = { path: string; message: string };

/** 200 body: duplicates are success, so TribeMade stops retrying. */
export type WebhookAck = { status: "accepted" | "duplicate"; order_id: string };

export const DELIVERY_OUTCOMES = ["accepted", "duplicate", "rejected"] as const;
export type DeliveryOutcome = (typeof DELIVERY_OUTCOMES)[number];

/** Reasons stored on rejected deliveries (the error code the sender got). */
export const REJECTION_REASONS = [
  "invalid_json",
  "invalid_payload",
  "unsupported_event",
  "store_mismatch",
  "payload_too_large",
  "internal_error",
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];
