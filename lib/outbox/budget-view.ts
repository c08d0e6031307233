import type { Bucket } from "@/lib/outbox/messages";

// A rate budget as a person reads it: "14/20 this minute, resets in 23 s". Pure, so the server and
// the quota meters in the browser agree.

export type BudgetRow = { windowStart: Date; used: number; blockedUntil: Date | null } | null;

export type BudgetView = {
  bucket: Bucket;
  /** Calls spent in the current window (0 once the window has ended). */
  used: number;
  limit: number;
  windowMs: number;
  /** When the current window ends; null when no window is open (the full limit is available). */
  resetsAt: Date | null;
  /** A 429 from TribeMade: nothing is sent before this. */
  blockedUntil: Date | null;
};

export function budgetView(bucket: Bucket, row: BudgetRow, limit: number, windowMs: number, now = new Date()): BudgetView {
  const blockedUntil = row?.blockedUntil && row.blockedUntil > now ? row.blockedUntil : null;
  if (!row || now.getTime() >= row.windowStart.getTime() + windowMs) {
    return { bucket, used: 0, limit, windowMs, resetsAt: null, blockedUntil };
  }
  return {
    bucket,
    used: Math.min(row.used, limit),
    limit,
    windowMs,
    resetsAt: new Date(row.windowStart.getTime() + windowMs),
    blockedUntil,
  };
}
