import { checkTrackingUrl, COURIER_SPECS, COURIERS, isCourier, trackingUrlFor, type Courier } from "@/lib/orders/awb";

// The pasted list for bulk "Mark dispatched": one order per line, its short id (or full order id)
// then an AWB number or a tracking link, and optionally the courier, separated by commas, tabs,
// semicolons or spaces — what comes out of a spreadsheet column pair or a courier's manifest:
//
//   3f2a9c1e, 1610000000001
//   8b7d0e44	77937279125	Blue Dart
//   c0ffee12 https://track.example.in/AB123
//
// Client-safe: the dialog shows each line's result as you paste; the server matches the order
// references against the selection and validates every link again.

export type TrackingLine =
  { line: number; ref: string; url: string; courier: Courier | null } | { line: number; ref: string | null; error: string };

/** Order references: at least 6 hex digits of TribeMade's order id (dashes allowed), or all of it. */
export const REF_PATTERN = /^[0-9a-f][0-9a-f-]{5,35}$/i;

const COURIER_ALIASES: Record<string, Courier> = Object.fromEntries(
  COURIERS.flatMap((courier) => {
    const name = COURIER_SPECS[courier].name.toLowerCase().replace(/\s+/g, "");
    return [
      [courier, courier],
      [name, courier],
    ];
  }).concat([
    ["speedpost", "indiapost"],
    ["bluedartexpress", "bluedart"],
  ]),
);

function courierFrom(text: string): Courier | null {
  const key = text.toLowerCase().replace(/[\s_-]/g, "");
  const match = COURIER_ALIASES[key];
  return match && isCourier(match) ? match : null;
}

/** Each non-empty line parsed; `defaultCourier` applies to lines that name none. */
export function parseTrackingList(text: string, defaultCourier: Courier | null): TrackingLine[] {
  const out: TrackingLine[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    // "# note" is a comment; "#3f2a9c1e" is an order id as the feed prints it.
    if (trimmed === "" || /^#(\s|$)/.test(trimmed)) return;
    const [first = "", ...rest] = trimmed.split(/[\t,;]+|\s+/).filter((part) => part !== "");
    const ref = first.replace(/^#/, "");
    if (!REF_PATTERN.test(ref)) {
      out.push({ line, ref: null, error: `Start the line with the order's short id (like 3f2a9c1e), not "${first}".` });
      return;
    }
    if (rest.length === 0) {
      out.push({ line, ref, error: "Add the AWB number or tracking link after the order id." });
      return;
    }
    const [tracking = "", ...courierWords] = rest;
    if (/^https?:\/\//i.test(tracking)) {
      const checked = checkTrackingUrl(tracking);
      out.push(checked.ok ? { line, ref, url: checked.url, courier: null } : { line, ref, error: checked.message });
      return;
    }
    const named = courierWords.length > 0 ? courierFrom(courierWords.join("")) : null;
    if (courierWords.length > 0 && !named) {
      out.push({ line, ref, error: `Unknown courier "${courierWords.join(" ")}".` });
      return;
    }
    const courier = named ?? defaultCourier;
    if (!courier) {
      out.push({ line, ref, error: "Choose a courier above, or add it after the AWB." });
      return;
    }
    const built = trackingUrlFor(courier, tracking);
    out.push(built.ok ? { line, ref, url: built.url, courier } : { line, ref, error: built.message });
  });
  return out;
}

/** Normalised for matching against TribeMade order ids: lower case, no dashes. */
export function refKey(ref: string): string {
  return ref.toLowerCase().replaceAll("-", "");
}

/** Whether `ref` names the order with this TribeMade order id (a prefix of it, dashes ignored). */
export function refMatches(ref: string, tribemadeOrderId: string): boolean {
  return refKey(tribemadeOrderId).startsWith(refKey(ref));
}

/**
 * Every order's matching references (`refMatches`), through a map keyed by the normalised reference:
 * each order looks up its own id's prefixes, so the cost grows with orders + references instead of
 * their product (1,000 × 1,000 string comparisons per bulk call otherwise).
 */
export function matchRefs(refs: string[], tribemadeOrderIds: string[]): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const ref of refs) {
    const key = refKey(ref);
    byKey.set(key, [...(byKey.get(key) ?? []), ref]);
  }
  const matches = new Map<string, string[]>();
  for (const orderId of tribemadeOrderIds) {
    const key = refKey(orderId);
    const found: string[] = [];
    for (let length = 1; length <= key.length; length++) found.push(...(byKey.get(key.slice(0, length)) ?? []));
    matches.set(orderId, found);
  }
  return matches;
}
