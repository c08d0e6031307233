import { formatPath, makeJsonbSafe, repairText } from "@/lib/webhooks/ingest/jsonb-safe";
import {
  parseTribemadeTimestamp,
  WEBHOOK_EVENT,
  webhookPayloadSchema,
  type FieldIssue,
  type RejectionReason,
  type WebhookPayload,
} from "@/lib/webhooks/payload-schema";

// Bytes → verdict, with no I/O: everything ingest decides before touching the database.
// Order of checks (first failure wins): size → UTF-8 → JSON → object → event → storable → schema.

/** 256 KiB: a real order.created is ~1 kB; the cap bounds memory and the stored row. */
export const MAX_BODY_BYTES = 256 * 1024;

/** The typed columns of a new Order row. */
export type OrderFields = {
  /** TribeMade's order_id, lower-cased (the uuid column's canonical form, and the dedupe key). */
  orderId: string;
  /** order_id exactly as sent, echoed in the ack. */
  orderIdAsSent: string;
  tribemadeStoreId: string | null;
  productId: string | null;
  placedAt: Date | null;
  customerName: string;
  customerEmail: string;
  customerPhone: string;
  customerPincode: string;
  customerAddress: string | null;
  quantity: number;
  /** Decimal string for numeric(12,2), so no float ever reaches the column. */
  amount: string;
};

export type Verdict =
  | { kind: "valid"; order: OrderFields; payloadJson: string; warnings: string[] }
  | {
      kind: "rejected";
      reason: RejectionReason;
      message: string;
      errors: FieldIssue[];
      warnings: string[];
      /** The payload's order_id when readable, so the inspector can find rejected deliveries too. */
      orderRef: string | null;
      /** Whether `errors` go back to the sender as `details`. */
      exposeDetails: boolean;
    };

const utf8 = new TextDecoder("utf-8", { fatal: true });

export function classifyBody(body: Uint8Array, truncated: boolean): Verdict {
  if (truncated) return reject("payload_too_large", `The body exceeds ${MAX_BODY_BYTES} bytes.`);
  if (body.byteLength === 0) return reject("invalid_json", "The body is empty; expected a JSON object.");

  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    return reject("invalid_json", "The body is not valid UTF-8.");
  }

  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // V8's message quotes the input; keep only the position, never payload text.
    const position = /position (\d+)/.exec(error instanceof Error ? error.message : "")?.[1];
    const where = position === undefined ? "" : ` (near byte ${position})`;
    return reject("invalid_json", `The body is not valid JSON${where}.`);
  }

  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return reject("invalid_payload", "The body must be a JSON object.", [{ path: "", message: "expected an object" }]);
  }
  const record = parsed as Record<string, unknown>;
  const orderRef = readOrderRef(record.order_id);

  if (typeof record.event === "string" && record.event !== WEBHOOK_EVENT) {
    const shown = repairText(record.event.slice(0, 100));
    return reject(
      "unsupported_event",
      `Unsupported event "${shown}"; only ${WEBHOOK_EVENT} is handled.`,
      [{ path: "event", message: `expected "${WEBHOOK_EVENT}"` }],
      orderRef,
    );
  }

  const safe = makeJsonbSafe(parsed);
  const warnings = safe.repaired.map((path) => `replaced a NUL or unpaired surrogate in ${path || "the body"}`);
  if (safe.problems.length > 0) {
    return reject("invalid_payload", "The payload cannot be stored.", safe.problems, orderRef, warnings);
  }

  const result = webhookPayloadSchema.safeParse(safe.value);
  if (!result.success) {
    const errors = result.error.issues.slice(0, 20).map((issue) => ({
      path: formatPath(issue.path),
      message: issue.message,
    }));
    return reject("invalid_payload", "The payload does not match the order.created contract.", errors, orderRef, warnings);
  }

  const payload = result.data;
  return {
    kind: "valid",
    order: toOrderFields(payload),
    payloadJson: JSON.stringify(safe.value),
    warnings: [...warnings, ...contractWarnings(payload)],
  };
}

function reject(
  reason: RejectionReason,
  message: string,
  errors: FieldIssue[] = [{ path: "", message }],
  orderRef: string | null = null,
  warnings: string[] = [],
): Verdict {
  const exposeDetails = reason === "invalid_payload" || reason === "unsupported_event";
  return { kind: "rejected", reason, message, errors, warnings, orderRef, exposeDetails };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function readOrderRef(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0) return null;
  if (GUID.test(value)) return value.toLowerCase();
  // Indexed column: keep it short and storable.
  return repairText(value.slice(0, 100));
}

function toOrderFields(payload: WebhookPayload): OrderFields {
  const { customer, order_details: details } = payload;
  return {
    orderId: payload.order_id.toLowerCase(),
    orderIdAsSent: payload.order_id,
    tribemadeStoreId: payload.store_id?.toLowerCase() ?? null,
    productId: payload.product_id ?? null,
    placedAt: payload.created_at ? parseTribemadeTimestamp(payload.created_at) : null,
    customerName: customer.name,
    customerEmail: customer.email,
    customerPhone: customer.number,
    customerPincode: customer.pincode,
    customerAddress: addressText(customer.full_address),
    quantity: details.quantity,
    amount: details.amount.toFixed(2),
  };
}

/** GET's address object {line1, line2, city, state, country} flattened the way the webhook sends it. */
function addressText(value: WebhookPayload["customer"]["full_address"]): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  const parts = ["line1", "line2", "city", "state", "country", "pincode"]
    .map((key) => value[key])
    .filter((part): part is string | number => (typeof part === "string" && part.trim() !== "") || typeof part === "number");
  return parts.length > 0 ? parts.join(", ").slice(0, 2000) : null;
}

const DOCUMENTED_TOP_LEVEL = ["store_id", "product_id", "status", "created_at"] as const;

function contractWarnings(payload: WebhookPayload): string[] {
  const warnings: string[] = [];
  for (const field of DOCUMENTED_TOP_LEVEL) {
    if (payload[field] === undefined || payload[field] === null) warnings.push(`missing ${field}`);
  }
  const address = payload.customer.full_address;
  if (address === undefined || address === null) warnings.push("missing customer.full_address");
  else if (typeof address !== "string") warnings.push("customer.full_address is an object; stored flattened");
  if (typeof payload.status === "string" && payload.status !== "started") {
    warnings.push(`status is "${payload.status}"; new orders are always "started"`);
  }
  if (!payload.customer.email.includes("@")) warnings.push("customer.email does not look like an email address");
  return warnings;
}
