// Injected faults over real HTTP, plus the things TribeMade does without an API call.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createControlClient, type StoreView } from "@/lib/tribemade/simulator/control-client";
import { startSimulator, type RunningSimulator } from "@/lib/tribemade/simulator/server";
import { startWebhookReceiver, type WebhookReceiver } from "@/lib/tribemade/simulator/webhook-receiver";

let sim: RunningSimulator;
let control: ReturnType<typeof createControlClient>;
let receiver: WebhookReceiver;
let store: StoreView;
let bystander: StoreView;

async function getOrder(id: string, key = store.apiKey, signal?: AbortSignal) {
  const response = await fetch(`${sim.url}/api/orders/${id}`, { headers: { "X-API-Key": key }, signal });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

async function putStatus(id: string, status: string) {
  const response = await fetch(`${sim.url}/api/orders/${id}/status`, {
    method: "PUT",
    headers: { "X-API-Key": store.apiKey, "Content-Type": "application/json" },
    body: JSON.stringify({ status }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function newOrder(status: "started" | "processing" | "dispatched" = "started") {
  return (await control.placeOrder(store.id, { sendWebhook: false, overrides: { status } })).order;
}

beforeAll(async () => {
  sim = await startSimulator();
  control = createControlClient(sim.url);
  receiver = await startWebhookReceiver();
  store = (await control.createStore({ name: "Faulty", webhookUrls: [receiver.url] })).store;
  bystander = (await control.createStore({ name: "Bystander" })).store;
});
afterEach(() => control.clearFaults());
afterAll(async () => {
  await sim.stop();
  await receiver.stop();
});

describe("simulator faults", () => {
  it("adds latency", async () => {
    const order = await newOrder();
    await control.setFaults({ storeId: store.id, latencyMs: 300 });
    const started = performance.now();
    expect((await getOrder(order.id)).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(295);
  });

  it("answers 5xx at the set rate, scoped to a store", async () => {
    const order = await newOrder();
    const theirs = (await control.placeOrder(bystander.id, { sendWebhook: false })).order;
    await control.setFaults({ storeId: store.id, error5xx: { rate: 1, status: 503 } });
    expect(await getOrder(order.id)).toMatchObject({ status: 503, body: { error: "Service unavailable" } });
    expect((await getOrder(theirs.id, bystander.apiKey)).status).toBe(200);
    await control.setFaults({ error5xx: { rate: 1 } });
    expect(await getOrder(theirs.id, bystander.apiKey)).toMatchObject({ status: 500, body: { error: "Internal server error" } });
    await control.setFaults({ error5xx: { rate: 0 } });
    expect((await getOrder(theirs.id, bystander.apiKey)).status).toBe(200);
  });

  it("can fail after applying the change (the lost answer)", async () => {
    const order = await newOrder();
    await control.setFaults({ storeId: store.id, error5xx: { rate: 1, phase: "after" } });
    expect((await putStatus(order.id, "processing")).status).toBe(500);
    await control.clearFaults(store.id);
    expect((await getOrder(order.id)).body.status).toBe("processing");
  });

  it("hangs past a client's timeout, and records the unanswered call", async () => {
    const order = await newOrder();
    await control.setFaults({ storeId: store.id, hang: { ms: 10_000 } });
    const started = performance.now();
    const outcome = await getOrder(order.id, store.apiKey, AbortSignal.timeout(300)).catch((error: unknown) => error);
    expect(outcome).toBeInstanceOf(Error);
    expect((outcome as Error).name).toBe("TimeoutError");
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    const { requests } = await control.requests({ storeId: store.id });
    expect(requests.at(-1)).toMatchObject({ path: `/api/orders/${order.id}`, status: null, fault: "hang" });
    await control.clearFaults();
    expect((await getOrder(order.id)).status).toBe(200);
  });

  it("hang after processing still applies a status change", async () => {
    const order = await newOrder();
    await control.setFaults({ storeId: store.id, hang: { ms: 10_000, phase: "after" } });
    await expect(
      fetch(`${sim.url}/api/orders/${order.id}/status`, {
        method: "PUT",
        headers: { "X-API-Key": store.apiKey, "Content-Type": "application/json" },
        body: JSON.stringify({ status: "cancelled" }),
        signal: AbortSignal.timeout(300),
      }),
    ).rejects.toThrow();
    await control.clearFaults();
    expect((await getOrder(order.id)).body.status).toBe("cancelled");
  });

  it("forces 429 for the next N calls with the documented body and headers", async () => {
    const order = await newOrder();
    await control.setFaults({ storeId: store.id, forced429: { calls: 2, retryAfter: 7 } });
    for (let i = 0; i < 2; i++) {
      const refused = await getOrder(order.id);
      expect(refused).toMatchObject({ status: 429, body: { error: "Rate limit exceeded", retry_after: 7 } });
      expect(refused.headers.get("x-ratelimit-limit")).toBe("50");
      expect(refused.headers.get("x-ratelimit-remaining")).toBe("0");
    }
    expect((await getOrder(order.id)).status).toBe(200);
  });

  it("forces 429 for a duration", async () => {
    const order = await newOrder();
    await control.setFaults({ forced429: { durationMs: 30_000 } });
    const refused = await getOrder(order.id);
    expect(refused.status).toBe(429);
    expect(refused.body.retry_after).toBeGreaterThanOrEqual(28);
    expect(refused.body.retry_after).toBeLessThanOrEqual(30);
    expect((await getOrder(order.id)).status).toBe(429);
    await control.setFaults({ forced429: null });
    expect((await getOrder(order.id)).status).toBe(200);
  });
});

describe("simulator changes made outside the API", () => {
  it("a courier marks an order delivered: visible through GET, no webhook, no API call", async () => {
    const order = await newOrder("dispatched");
    const requestsBefore = (await control.requests()).requests.length;
    const detail = await control.courierDeliver(order.id);
    expect(detail.order.status).toBe("delivered");
    expect(detail.statusChanges.at(-1)).toMatchObject({ from: "dispatched", to: "delivered", source: "courier" });
    expect((await control.requests()).requests).toHaveLength(requestsBefore);
    expect(receiver.received).toHaveLength(0);
    expect((await getOrder(order.id)).body.status).toBe("delivered");
    // Final now: a second courier scan is refused.
    expect((await control.request("POST", `/orders/${order.id}/courier-deliver`, {})).status).toBe(409);
  });

  it("a customer rates a delivered order: visible through GET, no webhook", async () => {
    const order = await newOrder("dispatched");
    expect((await control.request("POST", `/orders/${order.id}/rate`, { rating: 5 })).status).toBe(409);
    await control.courierDeliver(order.id);
    await control.rate(order.id, 4, "Lovely fabric, quick delivery");
    expect((await getOrder(order.id)).body).toMatchObject({
      status: "delivered",
      rating: 4,
      review: "Lovely fabric, quick delivery",
    });
    expect(receiver.received).toHaveLength(0);
  });
});
