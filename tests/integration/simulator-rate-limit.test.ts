// Rate limits over real HTTP: headers on every authenticated answer, the 21st status call refused.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createControlClient } from "@/lib/tribemade/simulator/control-client";
import { startSimulator, type RunningSimulator } from "@/lib/tribemade/simulator/server";

let sim: RunningSimulator;
let control: ReturnType<typeof createControlClient>;

beforeAll(async () => {
  sim = await startSimulator();
  control = createControlClient(sim.url);
});
afterAll(() => sim.stop());

function limits(response: Response) {
  return {
    limit: Number(response.headers.get("x-ratelimit-limit")),
    remaining: Number(response.headers.get("x-ratelimit-remaining")),
    reset: Number(response.headers.get("x-ratelimit-reset")),
  };
}

describe("simulator rate limits", () => {
  it("sends X-RateLimit-* on every authenticated answer, counting down", async () => {
    const { store } = await control.createStore();
    const placed = await control.placeOrder(store.id, { sendWebhook: false });
    const before = Math.floor(Date.now() / 1000);
    const seen = [];
    for (const id of [placed.order.id, "00000000-0000-4000-8000-000000000000", placed.order.id]) {
      const response = await fetch(`${sim.url}/api/orders/${id}`, { headers: { "X-API-Key": store.apiKey } });
      await response.body?.cancel();
      seen.push(limits(response));
    }
    expect(seen.map((s) => [s.limit, s.remaining])).toEqual([
      [50, 49],
      [50, 48],
      [50, 47],
    ]);
    expect(seen[0]!.reset).toBeGreaterThanOrEqual(before + 59);
    expect(seen[0]!.reset).toBeLessThanOrEqual(before + 62);
    expect(new Set(seen.map((s) => s.reset)).size).toBe(1);
  });

  it("refuses the 21st status change in a minute with the documented body", async () => {
    const { store } = await control.createStore();
    const placed = await control.placeOrder(store.id, { sendWebhook: false });
    const put = () =>
      fetch(`${sim.url}/api/orders/${placed.order.id}/status`, {
        method: "PUT",
        headers: { "X-API-Key": store.apiKey, "Content-Type": "application/json" },
        body: JSON.stringify({ status: "processing" }),
      });
    // Refused transitions count too: the budget is spent by calls, not by successes.
    for (let i = 1; i <= 20; i++) {
      const response = await put();
      expect(response.status).toBe(i === 1 ? 200 : 400);
      await response.body?.cancel();
      expect(limits(response)).toMatchObject({ limit: 20, remaining: 20 - i });
    }
    const refused = await put();
    const body = (await refused.json()) as { error: string; retry_after: number };
    expect(refused.status).toBe(429);
    expect(Object.keys(body).sort()).toEqual(["error", "retry_after"]);
    expect(body.error).toBe("Rate limit exceeded");
    expect(Number.isInteger(body.retry_after)).toBe(true);
    expect(body.retry_after).toBeGreaterThanOrEqual(1);
    expect(body.retry_after).toBeLessThanOrEqual(60);
    const headers = limits(refused);
    expect(headers).toMatchObject({ limit: 20, remaining: 0 });
    // retry_after and X-RateLimit-Reset describe the same moment.
    expect(Math.abs(headers.reset - Math.floor(Date.now() / 1000) - body.retry_after)).toBeLessThanOrEqual(2);

    // Another endpoint class of the same key, and another key, still have their budgets.
    const get = await fetch(`${sim.url}/api/orders/${placed.order.id}`, { headers: { "X-API-Key": store.apiKey } });
    expect(get.status).toBe(200);
    await get.body?.cancel();
  });

  it("counts against the key's own store only", async () => {
    const { store: a } = await control.createStore();
    const { store: b } = await control.createStore();
    for (let i = 0; i < 10; i++) {
      const r = await fetch(`${sim.url}/api/products/00000000-0000-4000-8000-000000000000`, {
        method: "DELETE",
        headers: { "X-API-Key": a.apiKey },
      });
      await r.body?.cancel();
    }
    const refusedA = await fetch(`${sim.url}/api/products/00000000-0000-4000-8000-000000000000`, {
      method: "DELETE",
      headers: { "X-API-Key": a.apiKey },
    });
    const allowedB = await fetch(`${sim.url}/api/products/00000000-0000-4000-8000-000000000000`, {
      method: "DELETE",
      headers: { "X-API-Key": b.apiKey },
    });
    expect([refusedA.status, allowedB.status]).toEqual([429, 404]);
    expect(limits(allowedB)).toMatchObject({ limit: 10, remaining: 9 });
    await Promise.all([refusedA.body?.cancel(), allowedB.body?.cancel()]);
  });

  it("opens a new window after 60 s on the injected clock", async () => {
    let now = Date.UTC(2026, 0, 1, 9, 0, 0);
    const clocked = await startSimulator({ now: () => now });
    try {
      const { store } = await createControlClient(clocked.url).createStore();
      const del = async () => {
        const r = await fetch(`${clocked.url}/api/products/00000000-0000-4000-8000-000000000000`, {
          method: "DELETE",
          headers: { "X-API-Key": store.apiKey },
        });
        return { status: r.status, body: (await r.json()) as Record<string, unknown>, ...limits(r) };
      };
      for (let i = 0; i < 10; i++) await del();
      now += 45_000;
      expect(await del()).toMatchObject({ status: 429, body: { retry_after: 15 }, reset: now / 1000 + 15, remaining: 0 });
      now += 15_000;
      expect(await del()).toMatchObject({ status: 404, remaining: 9, reset: now / 1000 + 60 });
    } finally {
      await clocked.stop();
    }
  });
});
