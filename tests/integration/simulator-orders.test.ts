// The order endpoints over real HTTP: auth, the GET shape, the 5x5 status machine, tracking URLs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createControlClient, type StoreView } from "@/lib/tribemade/simulator/control-client";
import { startSimulator, type RunningSimulator } from "@/lib/tribemade/simulator/server";
import { ORDER_STATUSES } from "@/lib/tribemade/simulator/types";

let sim: RunningSimulator;
let control: ReturnType<typeof createControlClient>;
let store: StoreView;
let other: StoreView;

async function api(method: string, path: string, key: string | null, body?: unknown) {
  const headers: Record<string, string> = key === null ? {} : { "X-API-Key": key };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  sim = await startSimulator();
  control = createControlClient(sim.url);
  store = (await control.createStore({ name: "Chai & Co." })).store;
  other = (await control.createStore({ name: "Other" })).store;
});
afterAll(() => sim.stop());

describe("simulator auth", () => {
  it("answers a missing key with 401 Missing API key", async () => {
    const response = await api("GET", "/api/orders/770e8400-e29b-41d4-a716-446655440789", null);
    expect(response).toMatchObject({ status: 401, body: { error: "Missing API key" } });
    expect(response.headers.get("x-ratelimit-limit")).toBeNull();
  });

  it.each(["tb-0000-000-0000", "not-a-key", "TB-a1b2-c3d-e4f5x"])("answers %s with 401 Invalid API key", async (key) => {
    const response = await api("PUT", "/api/orders/770e8400-e29b-41d4-a716-446655440789/status", key, { status: "processing" });
    expect(response).toMatchObject({ status: 401, body: { error: "Invalid API key" } });
  });

  it("treats an empty header as missing", async () => {
    expect((await api("GET", "/api/products/770e8400-e29b-41d4-a716-446655440789", "")).body).toEqual({
      error: "Missing API key",
    });
  });
});

describe("simulator GET /api/orders/{id}", () => {
  it("returns every documented field", async () => {
    const placed = await control.placeOrder(store.id, { sendWebhook: false });
    const { status, body } = await api("GET", `/api/orders/${placed.order.id}`, store.apiKey);
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual([
      "created_at",
      "customer",
      "id",
      "order_details",
      "product_id",
      "product_image",
      "product_name",
      "rating",
      "review",
      "status",
      "tracking_url",
    ]);
    expect(body).toMatchObject({ id: placed.order.id, status: "started", rating: null, review: null, tracking_url: null });
    expect(body.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/);
    expect(body.product_image).toMatch(/^http/);
    const customer = body.customer as Record<string, unknown>;
    expect(Object.keys(customer).sort()).toEqual(["email", "full_address", "name", "number", "pincode"]);
    expect(Object.keys(customer.full_address as object).sort()).toEqual(["city", "country", "line1", "line2", "state"]);
    expect(Object.keys(body.order_details as object).sort()).toEqual([
      "amount",
      "color",
      "custom_questions",
      "quantity",
      "size",
      "special_instructions",
      "variation",
    ]);
  });

  it("404s an unknown or non-UUID id and 403s another store's order (A9)", async () => {
    const foreign = await control.placeOrder(other.id, { sendWebhook: false });
    expect(await api("GET", "/api/orders/00000000-0000-4000-8000-000000000000", store.apiKey)).toMatchObject({
      status: 404,
      body: { error: "Order not found" },
    });
    expect(await api("GET", "/api/orders/12345", store.apiKey)).toMatchObject({
      status: 404,
      body: { error: "Order not found" },
    });
    expect(await api("GET", `/api/orders/${foreign.order.id}`, store.apiKey)).toMatchObject({
      status: 403,
      body: { error: "Forbidden" },
    });
    expect(await api("PUT", `/api/orders/${foreign.order.id}/status`, store.apiKey, { status: "processing" })).toMatchObject({
      status: 403,
    });
  });
});

describe("simulator PUT /api/orders/{id}/status", () => {
  const allowed = new Set([
    "started>processing",
    "started>cancelled",
    "processing>dispatched",
    "processing>cancelled",
    "dispatched>delivered",
    "dispatched>cancelled",
  ]);

  // One store per starting status keeps each store's 20/min budget clear of the 25 calls.
  it.each(ORDER_STATUSES)("from %s: allows exactly the documented next states", async (from) => {
    const { store: s } = await control.createStore({ name: `from ${from}`, products: [] });
    for (const to of ORDER_STATUSES) {
      const placed = await control.placeOrder(s.id, { sendWebhook: false, overrides: { status: from } });
      const response = await api("PUT", `/api/orders/${placed.order.id}/status`, s.apiKey, { status: to });
      const ok = allowed.has(`${from}>${to}`);
      expect({ to, status: response.status }).toEqual({ to, status: ok ? 200 : 400 });
      expect(response.body).toEqual(ok ? { message: "Order status updated successfully" } : { error: expect.any(String) });
      const after = await api("GET", `/api/orders/${placed.order.id}`, s.apiKey);
      expect(after.body.status).toBe(ok ? to : from);
    }
  });

  it("stores a tracking URL, refuses a bad one, and records the customer email", async () => {
    const placed = await control.placeOrder(store.id, { sendWebhook: false, overrides: { status: "processing" } });
    const path = `/api/orders/${placed.order.id}/status`;
    for (const bad of ["ftp://x.in/1", "delhivery", 42, ""]) {
      expect(await api("PUT", path, store.apiKey, { status: "dispatched", tracking_url: bad })).toMatchObject({
        status: 400,
        body: { error: "tracking_url must be a valid http or https URL" },
      });
    }
    const url = "https://www.delhivery.com/track/package/1234567890";
    expect((await api("PUT", path, store.apiKey, { status: "dispatched", tracking_url: url })).status).toBe(200);
    expect((await api("GET", `/api/orders/${placed.order.id}`, store.apiKey)).body).toMatchObject({
      status: "dispatched",
      tracking_url: url,
    });
    // Delivered without a tracking URL keeps the one already there.
    expect((await api("PUT", path, store.apiKey, { status: "delivered" })).status).toBe(200);
    const { statusChanges } = await control.statusChanges({ orderId: placed.order.id });
    expect(statusChanges.map((c) => [c.from, c.to, c.trackingUrl, c.source])).toEqual([
      ["processing", "dispatched", url, "api"],
      ["dispatched", "delivered", url, "api"],
    ]);
    expect(statusChanges[0]?.emailedTo).toBe(placed.order.customer.email);
  });

  it("refuses missing, unknown and 'started' statuses, and bad JSON", async () => {
    const placed = await control.placeOrder(store.id, { sendWebhook: false });
    const path = `/api/orders/${placed.order.id}/status`;
    expect((await api("PUT", path, store.apiKey, {})).body).toEqual({ error: "status is required" });
    expect((await api("PUT", path, store.apiKey, { status: "shipped" })).status).toBe(400);
    expect((await api("PUT", path, store.apiKey, { status: "started" })).body).toEqual({
      error: "Status cannot be set to started",
    });
    const raw = await fetch(`${sim.url}${path}`, { method: "PUT", headers: { "X-API-Key": store.apiKey }, body: "{status:" });
    expect({ status: raw.status, body: await raw.json() }).toEqual({ status: 400, body: { error: "Invalid JSON body" } });
  });
});
