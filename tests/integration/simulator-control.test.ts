// The control API: stores with fixed ids and keys, key rotation, read-back, reset, routing, demo mode.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ControlError, createControlClient } from "@/lib/tribemade/simulator/control-client";
import { startSimulator, type RunningSimulator } from "@/lib/tribemade/simulator/server";
import { startWebhookReceiver } from "@/lib/tribemade/simulator/webhook-receiver";

let sim: RunningSimulator;
let control: ReturnType<typeof createControlClient>;

beforeAll(async () => {
  sim = await startSimulator({ seed: 1 });
  control = createControlClient(sim.url);
});
afterAll(() => sim.stop());

const FIXED = { id: "5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d", apiKey: "tb-d3m0-a1b-c2d3", name: "Chai & Co. (demo)" };

describe("simulator control API", () => {
  it("reports health", async () => {
    expect(await control.health()).toMatchObject({ ok: true, url: sim.url });
  });

  it("creates a store with a fixed id and key, idempotently", async () => {
    const first = await control.createStore(FIXED);
    expect(first).toMatchObject({
      created: true,
      store: { id: FIXED.id, apiKey: FIXED.apiKey, name: FIXED.name, webhookUrls: [] },
    });
    expect(await control.createStore(FIXED)).toMatchObject({ created: false, store: { id: FIXED.id } });
    await expect(control.createStore({ ...FIXED, apiKey: "tb-aaaa-bbb-cccc" })).rejects.toMatchObject({ status: 409 });
    await expect(control.createStore({ apiKey: FIXED.apiKey })).rejects.toMatchObject({ status: 409 });
    await expect(control.createStore({ apiKey: "sk_live_123" })).rejects.toBeInstanceOf(ControlError);
    // A new store gets the demo catalogue, so orders have products.
    expect((await control.getStore(FIXED.id)).products.length).toBeGreaterThan(0);
  });

  it("holds at most 5 http(s) webhook URLs per store", async () => {
    const { store } = await control.createStore();
    const urls = Array.from({ length: 6 }, (_, i) => `https://hooks.example.in/${i}`);
    await expect(control.setWebhooks(store.id, urls)).rejects.toMatchObject({ status: 400 });
    await expect(control.setWebhooks(store.id, ["ftp://x.in/hook"])).rejects.toMatchObject({ status: 400 });
    expect((await control.setWebhooks(store.id, urls.slice(0, 5))).store.webhookUrls).toHaveLength(5);
    expect((await control.clearWebhooks(store.id)).store.webhookUrls).toEqual([]);
  });

  it("rotating a key invalidates the old one at once", async () => {
    const { store } = await control.createStore();
    const placed = await control.placeOrder(store.id, { sendWebhook: false });
    const { store: rotated } = await control.rotateKey(store.id);
    const read = (key: string) =>
      fetch(`${sim.url}/api/orders/${placed.order.id}`, { headers: { "X-API-Key": key } }).then(async (r) => [
        r.status,
        await r.json(),
      ]);
    expect(await read(store.apiKey)).toEqual([401, { error: "Invalid API key" }]);
    expect((await read(rotated.apiKey))[0]).toBe(200);
  });

  it("reads back every API request with its headers, body and answer", async () => {
    const { store } = await control.createStore();
    const placed = await control.placeOrder(store.id, { sendWebhook: false });
    const since = (await control.requests()).requests.at(-1)?.seq ?? 0;
    await fetch(`${sim.url}/api/orders/${placed.order.id}/status?trace=1`, {
      method: "PUT",
      headers: { "X-API-Key": store.apiKey, "Content-Type": "application/json" },
      body: JSON.stringify({ status: "processing" }),
    }).then((r) => r.body?.cancel());
    await fetch(`${sim.url}/api/nowhere`).then((r) => r.body?.cancel());
    const { requests } = await control.requests({ since });
    expect(requests).toEqual([
      expect.objectContaining({
        method: "PUT",
        path: `/api/orders/${placed.order.id}/status`,
        query: "?trace=1",
        status: 200,
        storeId: store.id,
        body: { status: "processing" },
        headers: expect.objectContaining({ "x-api-key": store.apiKey, "content-type": "application/json" }),
      }),
      expect.objectContaining({ method: "GET", path: "/api/nowhere", status: 404, storeId: null, body: null }),
    ]);
    expect((await control.requests({ since, path: "/api/orders" })).requests).toHaveLength(1);
  });

  it("answers unknown routes 404 and wrong methods 405", async () => {
    const { store } = await control.createStore();
    const call = (method: string, path: string) =>
      fetch(`${sim.url}${path}`, { method, headers: { "X-API-Key": store.apiKey } }).then(async (r) => [
        r.status,
        await r.json(),
      ]);
    expect(await call("GET", "/api/orders")).toEqual([404, { error: "Not found" }]);
    expect(await call("GET", "/")).toEqual([404, { error: "Not found" }]);
    expect(await call("POST", "/api/orders/770e8400-e29b-41d4-a716-446655440789")).toEqual([
      405,
      { error: "Method not allowed" },
    ]);
    expect(await call("GET", "/api/orders/770e8400-e29b-41d4-a716-446655440789/status")).toEqual([
      405,
      { error: "Method not allowed" },
    ]);
    expect(await call("GET", "/__control/nope")).toEqual([404, { error: "Not found" }]);
    expect(await call("DELETE", "/__control/health")).toEqual([405, { error: "Method not allowed" }]);
  });

  it("serves the placeholder product image an order points to", async () => {
    const { store } = await control.createStore();
    const placed = await control.placeOrder(store.id, { sendWebhook: false });
    const image = await fetch(placed.order.product_image);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/svg+xml");
    expect(await image.text()).toContain("<svg");
  });

  it("resets everything", async () => {
    const { store } = await control.createStore();
    await control.setFaults({ latencyMs: 10 });
    await control.reset();
    expect(await control.health()).toMatchObject({ stores: 0, orders: 0, products: 0 });
    expect(await control.getFaults()).toEqual({ global: {}, stores: {} });
    expect((await control.requests()).requests).toEqual([]);
    const response = await fetch(`${sim.url}/api/orders/770e8400-e29b-41d4-a716-446655440789`, {
      headers: { "X-API-Key": store.apiKey },
    });
    expect(response.status).toBe(401);
  });
});

describe("simulator demo mode", () => {
  it("places orders for every store with a webhook URL", async () => {
    const demo = await startSimulator({ demoIntervalMs: 100 });
    const receiver = await startWebhookReceiver();
    try {
      const demoControl = createControlClient(demo.url);
      await demoControl.createStore({ webhookUrls: [receiver.url] });
      await demoControl.createStore({ name: "No webhooks" });
      const received = await receiver.waitFor(2, 10_000);
      expect(JSON.parse(received[0]!.body)).toMatchObject({ event: "order.created", status: "started" });
      const { orders } = await demoControl.listOrders();
      expect(new Set(orders.map((o) => o.storeId)).size).toBe(1);
    } finally {
      await demo.stop();
      await receiver.stop();
    }
  });
});
