// Webhooks out, over real HTTP to local receivers: payload, fan-out, duplicates, failures.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/lib/embedded/free-port";
import { createControlClient, type StoreView } from "@/lib/tribemade/simulator/control-client";
import { startSimulator, type RunningSimulator } from "@/lib/tribemade/simulator/server";
import { startWebhookReceiver, type WebhookReceiver } from "@/lib/tribemade/simulator/webhook-receiver";

let sim: RunningSimulator;
let control: ReturnType<typeof createControlClient>;
let receiver: WebhookReceiver;
let second: WebhookReceiver;
let store: StoreView;

beforeAll(async () => {
  // TribeMade's own 5 s sender timeout: on a loaded machine 8 deliveries at once can take a while.
  sim = await startSimulator();
  control = createControlClient(sim.url);
  [receiver, second] = await Promise.all([startWebhookReceiver(), startWebhookReceiver()]);
  store = (await control.createStore({ name: "Chai & Co.", webhookUrls: [receiver.url] })).store;
});
afterEach(() => {
  receiver.received.length = 0;
  receiver.respondWith(200);
});
afterAll(async () => {
  await sim.stop();
  await Promise.all([receiver.stop(), second.stop()]);
});

describe("simulator order.created webhooks", () => {
  it("POSTs the documented payload as JSON", async () => {
    const placed = await control.placeOrder(store.id);
    const [request] = await receiver.waitFor(1);
    expect(request!.method).toBe("POST");
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.body).toMatch(/"amount":\d+\.\d\d,/);
    const payload = JSON.parse(request!.body) as Record<string, unknown>;
    expect(Object.keys(payload).sort()).toEqual([
      "created_at",
      "customer",
      "event",
      "order_details",
      "order_id",
      "product_id",
      "status",
      "store_id",
    ]);
    expect(payload).toMatchObject({
      event: "order.created",
      order_id: placed.order.id,
      store_id: store.id,
      product_id: placed.order.product_id,
      status: "started",
    });
    expect(payload.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
    const customer = payload.customer as Record<string, unknown>;
    expect(customer.full_address).toEqual(expect.stringMatching(/, India$/));
    expect(customer.number).toMatch(/^[6-9]\d{9}$/);
    expect(customer.pincode).toMatch(/^\d{6}$/);
    const details = payload.order_details as Record<string, unknown>;
    expect(details.quantity).toBeGreaterThanOrEqual(1);
    expect(details.quantity).toBeLessThanOrEqual(3);
    expect(details.amount).toBe(placed.order.order_details.amount);
    expect(Array.isArray(details.custom_questions)).toBe(true);
    // The same order through the API: the same instant, with +00:00.
    expect(placed.order.created_at).toBe(`${String(payload.created_at)}+00:00`);
    expect(placed.deliveries).toEqual([
      expect.objectContaining({
        kind: "order.created",
        url: receiver.url,
        statusCode: 200,
        ok: true,
        error: null,
        orderId: placed.order.id,
      }),
    ]);
  });

  it("uses overrides and can send empty optional fields as null", async () => {
    await control.placeOrder(store.id, {
      absentFields: "null",
      overrides: {
        customer: { name: "Test Customer", pincode: "400001" },
        order_details: { quantity: 2, amount: 2048, variation: null, size: null, color: null, special_instructions: null },
      },
    });
    const payload = JSON.parse((await receiver.waitFor(1))[0]!.body) as {
      customer: { name: string };
      order_details: Record<string, unknown>;
    };
    expect(payload.customer.name).toBe("Test Customer");
    expect(payload.order_details).toEqual({
      quantity: 2,
      amount: 2048,
      variation: null,
      size: null,
      color: null,
      special_instructions: null,
      custom_questions: expect.any(Array),
    });
  });

  it("sends to every registered URL", async () => {
    const { store: fan } = await control.createStore({ webhookUrls: [receiver.url, second.url] });
    const placed = await control.placeOrder(fan.id);
    expect(placed.deliveries.map((d) => d.url).sort()).toEqual([receiver.url, second.url].sort());
    expect((await second.waitFor(1))[0]!.body).toBe(receiver.received[0]!.body);
    second.received.length = 0;
  });

  it("sends the same webhook N times at once, byte-identical", async () => {
    const placed = await control.placeOrder(store.id);
    await receiver.waitFor(1);
    const { deliveries } = await control.resendWebhook(placed.order.id, { times: 8 });
    const received = await receiver.waitFor(9);
    expect(new Set(received.map((r) => r.body)).size).toBe(1);
    expect(deliveries).toHaveLength(8);
    expect(deliveries.every((d) => d.kind === "resend" && d.statusCode === 200)).toBe(true);
    const recorded = await control.deliveries({ orderId: placed.order.id });
    expect(recorded.deliveries).toHaveLength(9);
  });

  it("records non-2xx answers, timeouts and unreachable receivers", async () => {
    const placed = await control.placeOrder(store.id, { sendWebhook: false });
    receiver.respondWith(500);
    expect((await control.resendWebhook(placed.order.id)).deliveries[0]).toMatchObject({
      statusCode: 500,
      ok: false,
      error: null,
    });
    // The timeout case gets a sender of its own with a short timeout, so it stays fast.
    const impatient = await startSimulator({ webhookTimeoutMs: 400 });
    try {
      const impatientControl = createControlClient(impatient.url);
      const { store: slowStore } = await impatientControl.createStore({ name: "Slow", webhookUrls: [receiver.url] });
      const slowOrder = await impatientControl.placeOrder(slowStore.id, { sendWebhook: false });
      receiver.respondWith(200, 1_500);
      const [slow] = (await impatientControl.resendWebhook(slowOrder.order.id)).deliveries;
      expect(slow).toMatchObject({ statusCode: null, ok: false, error: "timeout after 400 ms" });
      expect(slow!.durationMs).toBeGreaterThanOrEqual(350);
    } finally {
      await impatient.stop();
    }
    const closedPort = await freePort();
    const [refused] = (await control.resendWebhook(placed.order.id, { urls: [`http://127.0.0.1:${closedPort}/hook`] }))
      .deliveries;
    expect(refused).toMatchObject({ statusCode: null, ok: false, error: "ECONNREFUSED" });
  });

  it("places an order without a webhook when asked", async () => {
    const placed = await control.placeOrder(store.id, { sendWebhook: false });
    expect(placed.deliveries).toEqual([]);
    expect((await control.deliveries({ orderId: placed.order.id })).deliveries).toEqual([]);
  });

  it("sends raw bodies byte for byte (for receivers' malformed-payload tests)", async () => {
    const { deliveries } = await control.sendRawWebhook({ storeId: store.id, body: '{"event":"order.created",', times: 2 });
    expect(deliveries.map((d) => d.kind)).toEqual(["raw", "raw"]);
    expect((await receiver.waitFor(2)).map((r) => r.body)).toEqual(['{"event":"order.created",', '{"event":"order.created",']);
  });
});
