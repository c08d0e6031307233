import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createWebhookGate, watchEventLoop, type WebhookGate } from "@/lib/webhooks/ingest/server-gate";

// The gate in front of Next.js (scripts/serve.ts), on a real HTTP server whose "Next.js" is a
// handler that holds each request until the test lets it go.

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
  return { post, held, passed: () => passed };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe("webhook server gate", () => {
  it("passes webhooks up to the limit, answers the next ones 503 with Retry-After, and admits again once one is answered", async () => {
    const gate = createWebhookGate({ limit: 3 });
    const { post, held, passed } = await serve(gate);
    const admitted = [post("/api/webhooks/tribemade/a"), post("/api/webhooks/tribemade/b"), post("/api/webhooks/tribemade/c")];
    await settle();
    expect(passed()).toBe(3);

    const refused = await post("/api/webhooks/tribemade/d");
    expect(refused.status).toBe(503);
    expect(refused.retryAfter).toBe("5");
    expect(JSON.parse(refused.body)).toEqual({ error: "unavailable", message: expect.stringContaining("try again") });
    expect(passed()).toBe(3);
    expect(gate.stats()).toEqual({ inFlight: 3, shed: 1 });

    held.shift()?.();
    expect((await admitted[0])?.status).toBe(200);
    await settle();
    const again = post("/api/webhooks/tribemade/e");
    await settle();
    expect(passed()).toBe(4);
    for (const release of held.splice(0)) release();
    expect((await Promise.all([...admitted.slice(1), again])).map((answer) => answer.status)).toEqual([200, 200, 200]);
    expect(gate.stats().inFlight).toBe(0);
  });

  it("never holds back other routes", async () => {
    const gate = createWebhookGate({ limit: 1, isBehind: () => true });
    const { post, held, passed } = await serve(gate);
    const pages = [post("/orders"), post("/api/deliveries"), post("/api/cron/outbox")];
    await settle();
    expect(passed()).toBe(3);
    for (const release of held.splice(0)) release();
    expect((await Promise.all(pages)).map((answer) => answer.status)).toEqual([200, 200, 200]);
  });

  it("refuses webhooks while the event loop runs behind", async () => {
    let behind = true;
    const { post, held } = await serve(createWebhookGate({ isBehind: () => behind }));
    expect((await post("/api/webhooks/tribemade/a")).status).toBe(503);
    behind = false;
    const admitted = post("/api/webhooks/tribemade/a");
    await settle();
    held.shift()?.();
    expect((await admitted).status).toBe(200);
  });

  it("counts a delivery whose sender hung up as answered", async () => {
    const gate = createWebhookGate({ limit: 1 });
    const { port } = await serve(gate).then(() => server?.address() as AddressInfo);
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
  it("reports a loop that ran ≥ 100 ms late as behind, and caught up once it runs on time again", async () => {
    const isBehind = watchEventLoop();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(isBehind()).toBe(false);
    const until = performance.now() + 150;
    while (performance.now() < until) {
      // Blocks the event loop, as a flood of requests does.
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(isBehind()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(isBehind()).toBe(false);
  });
});
