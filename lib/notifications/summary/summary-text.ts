import { formatCount } from "@/lib/format/numbers";
import { shortMoney } from "@/lib/notifications/new-order";
import type { NotificationPayload } from "@/lib/notifications/outbox/messages";

// The daily summary's words (email only). Client-safe.

export type SummaryFacts = {
  /** The IST date summarised, YYYY-MM-DD. */
  day: string;
  orders: number;
  /** numeric as text, exact. */
  revenue: string;
  toProcess: number;
  olderThanDay: number;
  failedSyncs: number;
};

export function summaryNotification(storeName: string, facts: SummaryFacts): NotificationPayload {
  const lines = [
    `Yesterday (${facts.day}): ${formatCount(facts.orders)} order(s), ${shortMoney(facts.revenue)}.`,
    `To process now: ${formatCount(facts.toProcess)}${facts.olderThanDay > 0 ? `, ${formatCount(facts.olderThanDay)} of them over 24 h old` : ""}.`,
    facts.failedSyncs > 0
      ? `Status changes TribeMade refused: ${formatCount(facts.failedSyncs)} (fix them on the orders page).`
      : "Every status change reached TribeMade.",
  ];
  return {
    key: `summary:${facts.day}`,
    topic: "daily_summary",
    title: `${storeName}: ${formatCount(facts.orders)} order(s) yesterday, ${shortMoney(facts.revenue)}`,
    body: lines[0]!,
    url: "/orders",
    emailText: lines.join("\n"),
  };
}

const IST_OFFSET_MS = 330 * 60 * 1000;
/** Summaries go out from 08:00 IST. */
export const SUMMARY_HOUR_IST = 8;

/** The IST calendar day of `now` and whether its summary hour has come. */
export function istDay(now: Date): { today: string; yesterday: string; due: boolean; todayStartUtc: Date } {
  const ist = new Date(now.getTime() + IST_OFFSET_MS);
  const today = ist.toISOString().slice(0, 10);
  const todayStartUtc = new Date(Date.parse(`${today}T00:00:00Z`) - IST_OFFSET_MS);
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return { today, yesterday, due: ist.getUTCHours() >= SUMMARY_HOUR_IST, todayStartUtc };
}
