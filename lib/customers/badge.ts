// The "repeat buyer · 4th order" badge's words. Client-safe.

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st, 22nd, 101st. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
}

/** The badge's text for an order that is its customer's `nth`; null for a first order (no badge). */
export function repeatBadgeText(nth: number | null | undefined): string | null {
  return nth && nth >= 2 ? `repeat buyer · ${ordinal(nth)} order` : null;
}
