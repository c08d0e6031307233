// Phone numbers as TribeMade's customers type them ("+91 98450 12345", "098450-12345",
// "9845012345"). Client-safe. Hand-written rather than libphonenumber-js: every number here is
// Indian, and the key must be byte-for-byte what the orders' phone index computes in SQL
// (lib/search/order-match.ts, phoneDigitsSql: the last 10 digits), which no library promises.

/**
 * The key that joins a customer's orders: the last 10 digits, exactly the phone index's expression.
 * Null when fewer than 10 digits are left (nothing trustworthy to join on).
 */
export function phoneKey(raw: string | null | undefined): string | null {
  const digits = (raw ?? "").replace(/\D/g, "");
  return digits.length >= 10 ? digits.slice(-10) : null;
}

/** An Indian mobile number (10 digits starting 6–9) in international form without "+": 919845012345. */
export function indianMobile(raw: string | null | undefined): string | null {
  const key = phoneKey(raw);
  return key && /^[6-9]/.test(key) ? `91${key}` : null;
}

/** A WhatsApp click-to-chat link (https://wa.me/<number>?text=…), or null for a non-mobile number. */
export function whatsappLink(raw: string | null | undefined, text?: string): string | null {
  const number = indianMobile(raw);
  if (!number) return null;
  return text ? `https://wa.me/${number}?text=${encodeURIComponent(text)}` : `https://wa.me/${number}`;
}

/** "+91 98450 12345" for display; the raw text when it is not a 10-digit national number. */
export function formatPhone(raw: string | null | undefined): string {
  const key = phoneKey(raw);
  if (!key) return raw ?? "";
  return `+91 ${key.slice(0, 5)} ${key.slice(5)}`;
}
