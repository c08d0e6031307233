// The product endpoints over real HTTP, with the documented error strings.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createControlClient, type StoreView } from "@/lib/tribemade/simulator/control-client";
import { startSimulator, type RunningSimulator } from "@/lib/tribemade/simulator/server";

let sim: RunningSimulator;
let control: ReturnType<typeof createControlClient>;
let store: StoreView;
let other: StoreView;

async function api(method: string, path: string, body?: unknown, key = store.apiKey) {
  const response = await fetch(`${sim.url}${path}`, {
    method,
    headers: { "X-API-Key": key, "Content-Type": "application/json" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function create(body: Record<string, unknown>): Promise<string> {
  const response = await api("POST", "/api/products/create", body);
  expect(response.status).toBe(201);
  return response.body.product_id as string;
}

const kurta = {
  name: "Handloom Kurta",
  price: 1299.99,
  description: "Soft cotton kurta, hand woven in Bhagalpur by master weavers.",
  stock: 25,
};
const MISSING = "00000000-0000-4000-8000-000000000000";

beforeAll(async () => {
  sim = await startSimulator();
  control = createControlClient(sim.url);
  store = (await control.createStore({ categories: ["apparel", "home"], products: [] })).store;
  other = (await control.createStore({ products: [] })).store;
});
afterAll(() => sim.stop());

describe("simulator POST /api/products/create and GET /api/products/{id}", () => {
  it("creates with defaults and reads back the documented fields (origional_price, long_description)", async () => {
    const id = await create({
      ...kurta,
      categories: ["apparel"],
      primary_image: "https://cdn.example.in/k.jpg",
      metadata: { sku: "K1" },
    });
    const { status, body } = await api("GET", `/api/products/${id}`);
    expect(status).toBe(200);
    expect(body).toEqual({
      id,
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}\+00:00$/),
      store_id: store.id,
      name: "Handloom Kurta",
      origional_price: 1299.99,
      current_price: 1299.99,
      shipping_cost: 0,
      short_description: kurta.description.slice(0, 50),
      long_description: kurta.description,
      variations: [],
      size: [],
      colors: [],
      categories: ["apparel"],
      is_sale: false,
      custom_questions: [],
      is_active: true,
      stock: 25,
      internal_note: "",
    });
  });

  it("refuses bad bodies with the documented messages", async () => {
    expect(await api("POST", "/api/products/create", { name: "Kurta" })).toEqual({
      status: 400,
      body: { error: "name, price, description, and stock are required" },
    });
    expect((await api("POST", "/api/products/create", { ...kurta, name: "Ku" })).body).toEqual({
      error: "Name must be between 3 and 30 characters",
    });
    expect((await api("POST", "/api/products/create", { ...kurta, price: -1 })).body).toEqual({ error: "price must be > 0" });
    expect(await api("POST", "/api/products/create", { ...kurta, categories: ["apparel", "Apparel", "toys"] })).toEqual({
      status: 400,
      body: { error: "All categories must be in store categories", invalid: ["Apparel", "toys"] },
    });
    expect(await api("POST", "/api/products/create", "{not json")).toEqual({ status: 400, body: { error: "Invalid JSON body" } });
  });

  it("404s unknown, malformed and other stores' products", async () => {
    const theirs = await create(kurta);
    for (const [id, key] of [
      [MISSING, store.apiKey],
      ["create", store.apiKey],
      [theirs, other.apiKey],
    ] as const) {
      expect(await api("GET", `/api/products/${id}`, undefined, key)).toEqual({
        status: 404,
        body: { error: "Product Doesn't Exist" },
      });
    }
  });
});

describe("simulator PUT /api/products/{id}/edit", () => {
  it("updates only the fields sent; arrays replace", async () => {
    const id = await create({ ...kurta, size: ["S", "M"] });
    expect(await api("PUT", `/api/products/${id}/edit`, { is_active: false, size: ["XL"], current_price: 999 })).toEqual({
      status: 200,
      body: { message: "Product updated successfully" },
    });
    expect((await api("GET", `/api/products/${id}`)).body).toMatchObject({
      is_active: false,
      size: ["XL"],
      current_price: 999,
      origional_price: 1299.99,
      name: kurta.name,
    });
  });

  it("refuses empty, invalid and foreign edits", async () => {
    const id = await create(kurta);
    expect(await api("PUT", `/api/products/${id}/edit`, {})).toEqual({ status: 400, body: { error: "No Fields to Update" } });
    expect((await api("PUT", `/api/products/${id}/edit`, { stock: -2 })).status).toBe(400);
    expect((await api("PUT", `/api/products/${id}/edit`, { categories: ["toys"] })).body).toMatchObject({ invalid: ["toys"] });
    const notFound = { status: 404, body: { error: "Product not found or does not belong to this store" } };
    expect(await api("PUT", `/api/products/${id}/edit`, { stock: 1 }, other.apiKey)).toEqual(notFound);
    expect(await api("PUT", `/api/products/${MISSING}/edit`, { stock: 1 })).toEqual(notFound);
  });
});

describe("simulator DELETE /api/products/{id}", () => {
  it("is blocked while the product has started, processing or dispatched orders", async () => {
    const id = await create(kurta);
    const blocked = {
      status: 400,
      body: {
        error:
          "Cannot delete product with active orders in processing or dispatched status. Please wait for orders to complete or cancel them first.",
      },
    };
    for (const status of ["started", "processing", "dispatched"] as const) {
      const placed = await control.placeOrder(store.id, { sendWebhook: false, overrides: { product_id: id, status } });
      expect(await api("DELETE", `/api/products/${id}`)).toEqual(blocked);
      await api("PUT", `/api/orders/${placed.order.id}/status`, { status: "cancelled" });
    }
    await control.placeOrder(store.id, { sendWebhook: false, overrides: { product_id: id, status: "delivered" } });
    expect(await api("DELETE", `/api/products/${id}`)).toEqual({
      status: 200,
      body: { message: "Product deleted successfully" },
    });
    expect(await api("DELETE", `/api/products/${id}`)).toEqual({
      status: 404,
      body: { error: "Product not found or does not belong to this store" },
    });
  });

  it("will not delete another store's product", async () => {
    const id = await create(kurta);
    expect((await api("DELETE", `/api/products/${id}`, undefined, other.apiKey)).status).toBe(404);
    expect((await api("GET", `/api/products/${id}`)).status).toBe(200);
  });
});
