import { describe, expect, it } from "vitest";
import { createRateLimiter, rateLimitHeaders, RATE_LIMITS, WINDOW_MS } from "@/lib/tribemade/simulator/rate-limit";

function clock(start: number) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe("simulator rate limiter", () => {
  it("has TribeMade's per-endpoint limits", () => {
    expect(RATE_LIMITS).toEqual({
      "order.get": 50,
      "order.status": 20,
      "product.get": 50,
      "product.create": 20,
      "product.edit": 20,
      "product.delete": 10,
    });
  });

  it("takes a shorter window and other limits for tests and benchmarks", () => {
    const time = clock(1_700_000_000_000);
    const limiter = createRateLimiter(time.now, { windowMs: 2_000, limits: { "order.status": 3 } });
    expect(limiter.limitOf("order.status")).toBe(3);
    expect(limiter.limitOf("order.get")).toBe(50);
    const decisions = [1, 2, 3, 4].map(() => limiter.take("tb-aaaa-bbb-cccc", "order.status"));
    expect(decisions.map((d) => [d.allowed, d.remaining])).toEqual([
      [true, 2],
      [true, 1],
      [true, 0],
      [false, 0],
    ]);
    expect(decisions[3]).toMatchObject({ limit: 3, retryAfter: 2, resetAt: Math.ceil((1_700_000_000_000 + 2_000) / 1000) });
    time.advance(2_000);
    expect(limiter.take("tb-aaaa-bbb-cccc", "order.status")).toMatchObject({ allowed: true, remaining: 2 });
  });

  it("counts down, refuses the 21st status call, and names the exact wait", () => {
    const time = clock(1_700_000_000_000);
    const limiter = createRateLimiter(time.now);
    for (let i = 1; i <= 20; i++) {
      const decision = limiter.take("tb-aaaa-bbb-cccc", "order.status");
      expect(decision).toMatchObject({ allowed: true, limit: 20, remaining: 20 - i, resetAt: 1_700_000_060 });
      time.advance(1_000);
    }
    // 20 s into the window: 40 s remain.
    expect(limiter.take("tb-aaaa-bbb-cccc", "order.status")).toEqual({
      allowed: false,
      limit: 20,
      remaining: 0,
      resetAt: 1_700_000_060,
      retryAfter: 40,
    });
    time.advance(39_500);
    expect(limiter.take("tb-aaaa-bbb-cccc", "order.status").retryAfter).toBe(1);
  });

  it("opens a fresh window exactly when the old one ends", () => {
    const time = clock(1_000_000);
    const limiter = createRateLimiter(time.now);
    for (let i = 0; i < 10; i++) limiter.take("k", "product.delete");
    expect(limiter.take("k", "product.delete").allowed).toBe(false);
    time.advance(WINDOW_MS - 1);
    expect(limiter.take("k", "product.delete").allowed).toBe(false);
    time.advance(1);
    const fresh = limiter.take("k", "product.delete");
    expect(fresh).toMatchObject({ allowed: true, remaining: 9, resetAt: Math.ceil((1_000_000 + 2 * WINDOW_MS) / 1000) });
  });

  it("keeps separate budgets per key and per endpoint class", () => {
    const limiter = createRateLimiter(() => 0);
    for (let i = 0; i < 20; i++) limiter.take("a", "order.status");
    expect(limiter.take("a", "order.status").allowed).toBe(false);
    expect(limiter.take("b", "order.status").allowed).toBe(true);
    expect(limiter.take("a", "order.get")).toMatchObject({ allowed: true, remaining: 49 });
  });

  it("rounds a mid-second window end up, and retry_after is never 0", () => {
    const limiter = createRateLimiter(() => 1_500);
    for (let i = 0; i < 50; i++) limiter.take("k", "product.get");
    expect(limiter.take("k", "product.get")).toMatchObject({ resetAt: 62, retryAfter: 60 });
  });

  it("formats the three X-RateLimit headers", () => {
    expect(rateLimitHeaders({ limit: 20, remaining: 15, resetAt: 1700123456 })).toEqual({
      "X-RateLimit-Limit": "20",
      "X-RateLimit-Remaining": "15",
      "X-RateLimit-Reset": "1700123456",
    });
  });
});
