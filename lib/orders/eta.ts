import { UNDO_WINDOW_MS } from "@/lib/orders/undo-window";

// How long status pushes take to reach TribeMade, for the bulk bar ("38 orders: about 1 min 54 s")
// and the quota meter. TribeMade allows 20 status changes per store per minute
// (docs/tribemade-api.md §4); the drain spends that budget in fixed 60 s windows shared by every instance (RateBudget), so
// the budget left in the current window goes at once and the rest goes 20 at each reset.
// Client-safe, pure: times are epoch milliseconds.

export const STATUS_LIMIT_PER_MINUTE = 20;
export const WINDOW_MS = 60_000;

/** The store's status budget as the quota meter and the ETA read it (epoch ms; null = unknown). */
export type BudgetSnapshot = {
  used: number;
  limit: number;
  /** When the current window ends; null when no window is open (nothing sent lately). */
  resetsAt: number | null;
  /** Set after a 429: nothing is sent before it. */
  blockedUntil: number | null;
};

export type EtaInput = {
  /** Pushes this action queues. */
  count: number;
  /** Status pushes of the store already waiting; they go first (same priority, older). */
  queuedAhead?: number;
  /** Null when the budget could not be read: then the plain 20-a-minute pace is the estimate. */
  budget: BudgetSnapshot | null;
  now: number;
  /** Nothing leaves before the undo window has passed. */
  delayMs?: number;
};

/** Milliseconds from `now` until the last of `count` pushes has been sent. */
export function etaMs({ count, queuedAhead = 0, budget, now, delayMs = UNDO_WINDOW_MS }: EtaInput): number {
  const total = Math.max(0, queuedAhead) + Math.max(0, count);
  if (total === 0) return 0;
  if (!budget) {
    const pace = WINDOW_MS / STATUS_LIMIT_PER_MINUTE;
    return Math.max(delayMs, total * pace);
  }
  const limit = Math.max(1, budget.limit);
  let left: number;
  let nextWindow: number;
  if (budget.blockedUntil !== null && budget.blockedUntil > now) {
    left = 0;
    nextWindow = budget.blockedUntil;
  } else if (budget.resetsAt === null || budget.resetsAt <= now) {
    left = limit;
    nextWindow = Number.POSITIVE_INFINITY;
  } else {
    left = Math.max(0, limit - budget.used);
    nextWindow = budget.resetsAt;
  }

  const start = now + delayMs;
  if (start >= nextWindow) {
    // The window rolls over while the undo window runs: a fresh window opens with the first send.
    left = limit;
    nextWindow = Number.POSITIVE_INFINITY;
  }
  if (total <= left) return start - now;
  const rest = total - left;
  // A window that opens with our first send (none open now) ends a minute after it.
  const firstReset = Number.isFinite(nextWindow) ? nextWindow : start + WINDOW_MS;
  const finish = Math.max(start, firstReset) + Math.floor((rest - 1) / limit) * WINDOW_MS;
  return finish - now;
}

/** "45 s", "1 min 54 s", "2 min", "1 h 5 min". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) {
    const minutes = Math.floor(seconds / 60);
    const rest = seconds % 60;
    return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
  }
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.round((seconds % 3600) / 60);
  return minutes === 0 ? `${hours} h` : `${hours} h ${minutes} min`;
}

/** "38 orders: about 1 min 54 s". */
export function formatEta(count: number, ms: number): string {
  const noun = count === 1 ? "order" : "orders";
  return `${count.toLocaleString("en-IN")} ${noun}: about ${formatDuration(ms)}`;
}

/** What the quota meter says: "14/20 this minute, resets in 23 s" (or why nothing is sent). */
export function describeBudget(budget: BudgetSnapshot, now: number): string {
  if (budget.blockedUntil !== null && budget.blockedUntil > now) {
    return `TribeMade asked us to wait: sending again in ${formatDuration(budget.blockedUntil - now)}`;
  }
  if (budget.resetsAt === null || budget.resetsAt <= now) return `0/${budget.limit} this minute`;
  return `${budget.used}/${budget.limit} this minute, resets in ${formatDuration(budget.resetsAt - now)}`;
}
