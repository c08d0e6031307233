// TribeMade's per-key, per-endpoint limits (docs/tribemade-api.md §4). The docs say "per minute" and
// "reset every minute" without saying fixed or sliding (A11); we use fixed 60-second windows that
// start at a key's first call, so a burst right after a window opens always sees the full budget
// and `retry_after` counts down from about 60, like the docs' example. Each endpoint class has its
// own counter (the limits differ per endpoint, so they cannot share one).

export const RATE_LIMITS = {
  "order.get": 50,
  "order.status": 20,
  "product.get": 50,
  "product.create": 20,
  "product.edit": 20,
  "product.delete": 10,
} as const;

export type EndpointClass = keyof typeof RATE_LIMITS;

export const WINDOW_MS = 60_000;

export type RateDecision = {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Unix seconds when the window ends (X-RateLimit-Reset). */
  resetAt: number;
  /** Whole seconds until the window ends, at least 1 (the 429 body's retry_after). */
  retryAfter: number;
};

export type RateLimiter = {
  /** Counts one call when the budget allows it; a refused call does not count. */
  take(apiKey: string, endpoint: EndpointClass): RateDecision;
  reset(): void;
};

export function createRateLimiter(now: () => number): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    take(apiKey, endpoint) {
      const at = now();
      const id = `${apiKey}\u0000${endpoint}`;
      let window = windows.get(id);
      if (!window || at >= window.start + WINDOW_MS) {
        window = { start: at, count: 0 };
        windows.set(id, window);
      }
      const limit = RATE_LIMITS[endpoint];
      const allowed = window.count < limit;
      if (allowed) window.count += 1;
      const endMs = window.start + WINDOW_MS;
      return {
        allowed,
        limit,
        remaining: limit - window.count,
        resetAt: Math.ceil(endMs / 1000),
        retryAfter: Math.max(1, Math.ceil((endMs - at) / 1000)),
      };
    },
    reset: () => windows.clear(),
  };
}

export function rateLimitHeaders(decision: Pick<RateDecision, "limit" | "remaining" | "resetAt">): Record<string, string> {
  return {
    "X-RateLimit-Limit": String(decision.limit),
    "X-RateLimit-Remaining": String(decision.remaining),
    "X-RateLimit-Reset": String(decision.resetAt),
  };
}
