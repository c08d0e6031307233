// Control API: stores, their webhook URLs, categories and keys (routes listed in control-api.ts).

import { DEMO_CATALOG } from "./catalog";
import type { SimulatorContext } from "./context";
import { categoriesSchema, createStoreSchema, parseControl, rotateKeySchema, webhookUrlsSchema } from "./control-schemas";
import { errorResponse, jsonResponse, type ApiResponse } from "./http-io";
import { validateProductCreate, type ProductCreateInput } from "./product-schema";
import { addProduct, productView } from "./products";
import { createStore, rotateApiKey, setWebhookUrls } from "./stores";
import type { Store } from "./types";

export function storeView(store: Store) {
  return {
    id: store.id,
    name: store.name,
    apiKey: store.apiKey,
    webhookUrls: store.webhookUrls,
    categories: store.categories,
    lowersStock: store.lowersStock,
  };
}

function storeOr404(ctx: SimulatorContext, id: string | undefined): Store | ApiResponse {
  const store = id === undefined ? undefined : ctx.state.stores.get(id.toLowerCase());
  return store ?? errorResponse(404, "Store not found");
}

function isStore(value: Store | ApiResponse): value is Store {
  return "apiKey" in value;
}

/** Checks every product before the store exists, so a bad one creates nothing. */
function validateProducts(raw: unknown[] | undefined, categories: string[]): ProductCreateInput[] | string {
  if (raw === undefined)
    return DEMO_CATALOG.map((item) => ({ ...item, categories: (item.categories ?? []).filter((c) => categories.includes(c)) }));
  const valid: ProductCreateInput[] = [];
  for (const [index, item] of raw.entries()) {
    const result = validateProductCreate(item);
    if (!result.ok) return `products.${index}: ${result.error}`;
    const unknown = (result.value.categories ?? []).filter((c) => !categories.includes(c));
    if (unknown.length > 0) return `products.${index}: unknown categories ${unknown.join(", ")}`;
    valid.push(result.value);
  }
  return valid;
}

export function createStoreRoute(ctx: SimulatorContext, body: unknown): ApiResponse {
  const input = parseControl(createStoreSchema, body);
  if (!input.ok) return input.response;
  const result = createStore(ctx.state, input.value, ctx.now());
  if (!result.ok) return errorResponse(result.status, result.error);
  if (!result.created) return jsonResponse(200, { store: storeView(result.store), created: false });
  const products = validateProducts(input.value.products, result.store.categories);
  if (typeof products === "string") {
    ctx.state.stores.delete(result.store.id);
    ctx.state.storeIdByKey.delete(result.store.apiKey);
    return errorResponse(400, products);
  }
  for (const product of products) addProduct(ctx.state, result.store, product, ctx.now());
  return jsonResponse(201, { store: storeView(result.store), created: true });
}

export function listStoresRoute(ctx: SimulatorContext): ApiResponse {
  return jsonResponse(200, { stores: [...ctx.state.stores.values()].map(storeView) });
}

export function getStoreRoute(ctx: SimulatorContext, id: string | undefined): ApiResponse {
  const store = storeOr404(ctx, id);
  if (!isStore(store)) return store;
  const products = [...ctx.state.products.values()].filter((p) => p.storeId === store.id).map(productView);
  return jsonResponse(200, { store: storeView(store), products });
}

export function setWebhooksRoute(ctx: SimulatorContext, id: string | undefined, body: unknown, clear = false): ApiResponse {
  const store = storeOr404(ctx, id);
  if (!isStore(store)) return store;
  const input = clear ? { ok: true as const, value: { urls: [] } } : parseControl(webhookUrlsSchema, body);
  if (!input.ok) return input.response;
  const result = setWebhookUrls(store, input.value.urls);
  return result.ok ? jsonResponse(200, { store: storeView(store) }) : errorResponse(400, result.error);
}

export function setCategoriesRoute(ctx: SimulatorContext, id: string | undefined, body: unknown): ApiResponse {
  const store = storeOr404(ctx, id);
  if (!isStore(store)) return store;
  const input = parseControl(categoriesSchema, body);
  if (!input.ok) return input.response;
  store.categories = [...new Set(input.value.categories)];
  return jsonResponse(200, { store: storeView(store) });
}

export function rotateKeyRoute(ctx: SimulatorContext, id: string | undefined, body: unknown): ApiResponse {
  const store = storeOr404(ctx, id);
  if (!isStore(store)) return store;
  const input = parseControl(rotateKeySchema, body);
  if (!input.ok) return input.response;
  const wanted = input.value.apiKey;
  if (wanted !== undefined && ctx.state.storeIdByKey.has(wanted)) return errorResponse(409, "This API key is already in use");
  rotateApiKey(ctx.state, store, wanted);
  return jsonResponse(200, { store: storeView(store) });
}
