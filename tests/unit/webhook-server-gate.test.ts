import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createServiceMeter } from "@/lib/webhooks/ingest/deadline";
import { createWebhookGate, watchEventLoop, type WebhookGate } from "@/lib/webhooks/ingest/server-gate";

// The gate in front of Next.js (scripts/serve.ts), on a real HTTP server whose "Next.js" is a
// handler that holds each request until the test lets it go. The meter's clock is the test's.

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

async function serve(gate: WebhookGate) {
  const held: Array<() => void> = [];
  let passed = 0;
  server = createServer((request, response) =>
    gate.handle(request, response, () => {
      passed++;
      held.push(() => response.end("ok"));
    }),
  );
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const post = async (path: string) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, { method: "POST", body: '{"order_id":"x"}' });
    return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.text() };
  };
  return { post, held, passed: () => passed, port };
}

const settle = (ms = 50) => new Promise((resolve) => setTimeout(resolve, ms));
const releaseAll = (held: Array<() => void>) => {
  for (const release of held.splice(0)) release();
};

describe("webhook server gate", () => {
  it("takes a burst of 200 at once: no count of deliveries in flight refuses one", async () => {
    const gate = createWebhookGate({ onRefused: () => {} });
    const { post, held, passed } = await serve(gate);
    const burst = Array.from({ length: 200 }, (_, i) => post(`/api/webhooks/tribemade/t${i}`));
    for (let waited = 0; passed() < 200 && waited < 5_000; waited += 50) await settle();
    expect(passed()).toBe(200);
    expect(gate.stats()).toMatchObject({ inFlight: 200, shed: 0 });
    releaseAll(held);
    expect((await Promise.all(burst)).every((answer) => answer.status === 200)).toBe(true);
    expect(gate.stats().inFlight).toBe(0);
  });

  it("refuses with 503 + Retry-After once the deliveries ahead would take past the budget, and admits again as they drain", async () => {
    let now = 0;
    const meter = createServiceMeter(() => now);
    const refused: IncomingMessage[] = [];
    const gate = createWebhookGate({ meter, onRefused: (request) => refused.push(request) });
    const { post, held, passed } = await serve(gate);
    // 150 in hand and none answered for 3 s: the queue is not draining.
    const slow = Array.from({ length: 150 }, (_, i) => post(`/api/webhooks/tribemade/s${i}`));
    for (let waited = 0; passed() < 150 && waited < 5_000; waited += 50) await settle();
    now += 3_000;
    expect(gate.stats().stalledMs).toBeGreaterThan(2_500);

    const answer = await post("/api/webhooks/tribemade/late");
    expect(answer.status).toBe(503);
    expect(answer.retryAfter).toBe("5");
    expect(JSON.parse(answer.body)).toEqual({ error: "unavailable", message: expect.stringContaining("try again") });
    expect(refused.map((request) => request.url)).toEqual(["/api/webhooks/tribemade/late"]);
    expect(gate.stats().shed).toBe(1);

    releaseAll(held);
    await Promise.all(slow);
    const again = post("/api/webhooks/tribemade/next");
    await settle();
    releaseAll(held);
    expect((await again).status).toBe(200);
  });

  it("admits after one pause of the loop shorter than a second, and refuses while the loop runs further behind than the budget", async () => {
    let lag = 900;
    const { post, held } = await serve(createWebhookGate({ lagMs: () => lag, onRefused: () => {} }));
    const admitted = post("/api/webhooks/tribemade/a");
    await settle();
    releaseAll(held);
    expect((await admitted).status).toBe(200);
    lag = 2_600;
    expect((await post("/api/webhooks/tribemade/b")).status).toBe(503);
  });

  it("never holds back other routes", async () => {
    const gate = createWebhookGate({ lagMs: () => 10_000 });
    const { post, held, passed } = await serve(gate);
    const pages = [post("/orders"), post("/api/deliveries"), post("/api/cron/outbox")];
    await settle();
    expect(passed()).toBe(3);
    releaseAll(held);
    expect((await Promise.all(pages)).map((answer) => answer.status)).toEqual([200, 200, 200]);
  });

  it("counts a delivery whose sender hung up as answered", async () => {
    const gate = createWebhookGate();
    const { port } = await serve(gate);
    const controller = new AbortController();
    const gone = fetch(`http://127.0.0.1:${port}/api/webhooks/tribemade/a`, {
      method: "POST",
      body: "{}",
      signal: controller.signal,
    });
    await settle();
    expect(gate.stats().inFlight).toBe(1);
    controller.abort();
    await gone.catch(() => undefined);
    await settle();
    expect(gate.stats().inFlight).toBe(0);
  });
});

describe("watchEventLoop", () => {
  it("reports how late the loop ran: the length of a pause, then about nothing once it runs on time", async () => {
    const lagMs = watchEventLoop();
    await settle(60);
    expect(lagMs()).toBeLessThan(50);
    const until = performance.now() + 150;
    while (performance.now() < until) {
      // Blocks the event loop, as a flood of requests or a major GC does.
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(lagMs()).toBeGreaterThanOrEqual(100);
    await settle(100);
    expect(lagMs()).toBeLessThan(50);
  });
});
