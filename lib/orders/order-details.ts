import type { CustomAnswerDto, TribemadeAddressDto } from "@/lib/orders/schemas";

// Reads what the order page shows from the two JSON documents an order keeps: the webhook payload
// (what the customer entered at checkout) and TribeMade's last GET answer (docs: the address is a
// string in one and an object in the other; order_details' optional fields may be null or absent,
// and custom questions' element shape is undocumented). Tolerant by design: anything unexpected is
// shown raw rather than dropped. Pure.

type Json = unknown;

function record(value: Json): Record<string, Json> | null {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, Json>) : null;
}

function text(value: Json): string | null {
  if (typeof value === "string") return value.trim() === "" ? null : value;
  if (typeof value === "number") return String(value);
  return null;
}

export type OrderDetailFields = {
  variation: string | null;
  size: string | null;
  color: string | null;
  specialInstructions: string | null;
  customQuestions: CustomAnswerDto[];
  tribemadeAddress: TribemadeAddressDto | null;
};

/** The webhook's order_details first (what the customer chose), TribeMade's answer where it is silent. */
export function readOrderDetails(payload: Json, tribemade: Json): OrderDetailFields {
  const sent = record(record(payload)?.order_details) ?? {};
  const fetched = record(record(tribemade)?.order_details) ?? {};
  const field = (name: string) => text(sent[name]) ?? text(fetched[name]);
  const questions =
    Array.isArray(sent.custom_questions) && sent.custom_questions.length > 0 ? sent.custom_questions : fetched.custom_questions;
  return {
    variation: field("variation"),
    size: field("size"),
    color: field("color"),
    specialInstructions: field("special_instructions"),
    customQuestions: Array.isArray(questions) ? questions.map(readAnswer) : [],
    tribemadeAddress: readAddress(tribemade),
  };
}

/** Names TribeMade might use for the two halves; anything else is kept as `raw`. */
function readAnswer(item: Json): CustomAnswerDto {
  const entry = record(item);
  if (!entry) return { question: null, answer: text(item), raw: item };
  return {
    question: text(entry.question) ?? text(entry.label) ?? text(entry.title),
    answer: text(entry.answer) ?? text(entry.response) ?? text(entry.value),
    raw: item,
  };
}

function readAddress(tribemade: Json): TribemadeAddressDto | null {
  const customer = record(record(tribemade)?.customer);
  if (!customer) return null;
  const address = record(customer.full_address);
  const out: TribemadeAddressDto = {};
  for (const key of ["line1", "line2", "city", "state", "country"] as const) {
    const value = text(address?.[key]);
    if (value) out[key] = value;
  }
  // Some answers might carry the one-string form; show it as the first line rather than lose it.
  const asString = text(customer.full_address);
  if (asString && !out.line1) out.line1 = asString;
  const pincode = text(customer.pincode);
  if (pincode) out.pincode = pincode;
  return Object.keys(out).length > 0 ? out : null;
}
