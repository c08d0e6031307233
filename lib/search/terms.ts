// What a search box's text can mean, decided without the database: one parser for the orders feed
// and the deliveries inspector (docs/search.md). Each kind maps to an index, so every search is
// a handful of index lookups, never a scan: the text is tried as every kind it could be (digits can
// be an order id, a phone number and a pincode at once) and the results are OR-ed. Client-safe.

export type SearchTerms = {
  /** The text as typed, trimmed (also compared as a whole delivery id). */
  text: string;
  /**
   * An order id or its start. TribeMade's ids are UUIDs, so a prefix is a range of UUIDs (the
   * unique (storeId, tribemadeOrderId) index serves it); `dashed` is the same prefix as text, for
   * ids stored as text (a delivery's orderRef).
   */
  orderId: { from: string; to: string; dashed: string } | null;
  /** Lower-cased; the start of an email address (or all of it). */
  emailPrefix: string | null;
  /** The start of a national (10-digit) mobile number, digits only. */
  phonePrefix: string | null;
  /** A 6-digit PIN code. */
  pincode: string | null;
  /** A part of the customer's name (trigram search needs 3 characters). */
  name: string | null;
};

export const SEARCH_MAX_LENGTH = 200;
/** Fewer hex digits than this match too many orders to be a search for one. */
const MIN_ID_PREFIX = 4;
const MIN_PHONE_DIGITS = 4;
const MIN_NAME_LENGTH = 3;
const UUID_GROUPS = [8, 4, 4, 4, 12] as const;

/** null when the text cannot match anything (empty, or too short for every kind). */
export function parseSearch(input: string): SearchTerms | null {
  const text = input.trim().replace(/\s+/g, " ").slice(0, SEARCH_MAX_LENGTH);
  if (text === "") return null;
  const terms: SearchTerms = {
    text,
    orderId: orderIdRange(text),
    emailPrefix: emailPrefix(text),
    phonePrefix: phonePrefix(text),
    pincode: /^\d{6}$/.test(text) ? text : null,
    name: /\p{L}/u.test(text) && text.length >= MIN_NAME_LENGTH ? text : null,
  };
  const any = terms.orderId || terms.emailPrefix || terms.phonePrefix || terms.pincode || terms.name;
  return any ? terms : null;
}

function orderIdRange(text: string): SearchTerms["orderId"] {
  if (!/^[0-9a-f-]+$/i.test(text)) return null;
  const hex = text.replaceAll("-", "").toLowerCase();
  if (hex.length < MIN_ID_PREFIX || hex.length > 32) return null;
  // Dashes, when typed, must sit where a UUID has them; "3f2a-9c" is not the start of any id.
  const dashed = toUuidShape(hex);
  if (text.includes("-") && !dashed.startsWith(text.toLowerCase())) return null;
  return { from: toUuidShape(hex.padEnd(32, "0")), to: toUuidShape(hex.padEnd(32, "f")), dashed };
}

/** 32 (or fewer) hex digits in the 8-4-4-4-12 layout. */
function toUuidShape(hex: string): string {
  const groups: string[] = [];
  let at = 0;
  for (const size of UUID_GROUPS) {
    if (at >= hex.length) break;
    groups.push(hex.slice(at, at + size));
    at += size;
  }
  return groups.join("-");
}

function emailPrefix(text: string): string | null {
  if (/\s/.test(text)) return null;
  if (text.includes("@")) return text.toLowerCase();
  // Typing the start of an address: letters and the characters addresses use, at least 3.
  return text.length >= 3 && /^[\p{L}\d._%+-]+$/u.test(text) && /\p{L}/u.test(text) ? text.toLowerCase() : null;
}

/**
 * "+91 98450 12345", "098450-12345" and "9845012345" are one number: the national number is the
 * last 10 digits, the same normalisation the phone index applies (docs/search.md).
 */
function phonePrefix(text: string): string | null {
  if (!/^[+\d\s().-]+$/.test(text)) return null;
  let digits = text.replace(/\D/g, "");
  if (text.trimStart().startsWith("+91")) digits = digits.slice(2);
  else if (digits.length === 12 && digits.startsWith("91")) digits = digits.slice(2);
  // Mobile numbers start with 6–9: a leading 0 is the trunk prefix people dial, never part of it.
  else if (digits.startsWith("0")) digits = digits.replace(/^0+/, "");
  if (digits.length > 10) digits = digits.slice(-10);
  return digits.length >= MIN_PHONE_DIGITS ? digits : null;
}
