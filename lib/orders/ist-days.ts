import type { OrderFilters } from "@/lib/orders/schemas";

// Calendar days in IST (UTC+05:30, no daylight saving), the merchants' clock: "today" starts at
// midnight in India, not in UTC or on the server. Client-safe (the date filter's presets use it too).

const IST_OFFSET_MS = 330 * 60_000;
const DAY_MS = 86_400_000;

/** The IST calendar day of an instant, "2026-11-28". */
export function istDay(at: Date): string {
  return new Date(at.getTime() + IST_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant an IST day ("2026-11-28") starts. */
export function istDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) - IST_OFFSET_MS);
}

/** The IST day `days` after `day` (negative: before). */
export function addDays(day: string, days: number): string {
  return istDay(new Date(istDayStart(day).getTime() + days * DAY_MS));
}

export type InstantRange = { from: Date | null; to: Date | null };

/**
 * The half-open [from, to) the date filter means, or null for "any time". `from`/`to` are inclusive
 * IST days; presets count back from today: "7d" is today and the six days before it.
 */
export function filterRange(filters: Pick<OrderFilters, "range" | "from" | "to">, now = new Date()): InstantRange | null {
  if (filters.from || filters.to) {
    return {
      from: filters.from ? istDayStart(filters.from) : null,
      to: filters.to ? istDayStart(addDays(filters.to, 1)) : null,
    };
  }
  if (!filters.range) return null;
  const today = istDay(now);
  switch (filters.range) {
    case "today":
      return { from: istDayStart(today), to: null };
    case "yesterday":
      return { from: istDayStart(addDays(today, -1)), to: istDayStart(today) };
    case "7d":
      return { from: istDayStart(addDays(today, -6)), to: null };
    case "30d":
      return { from: istDayStart(addDays(today, -29)), to: null };
  }
}
