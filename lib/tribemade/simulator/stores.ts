// Stores: the tenant behind each API key. Created only through the control API (TribeMade's real
// stores are made in its dashboard), optionally with a fixed id and key so an app's seed matches.

import { randomUUID } from "node:crypto";
import { generateApiKey } from "./api-key";
import type { SimulatorState } from "./state";
import type { Store } from "./types";

export const MAX_WEBHOOK_URLS = 5;

export type StoreInput = {
  id?: string;
  name?: string;
  apiKey?: string;
  webhookUrls?: string[];
  categories?: string[];
  lowersStock?: boolean;
};

export type StoreResult = { ok: true; store: Store; created: boolean } | { ok: false; status: number; error: string };

export function findStoreByApiKey(state: SimulatorState, apiKey: string): Store | null {
  const id = state.storeIdByKey.get(apiKey);
  return id === undefined ? null : (state.stores.get(id) ?? null);
}

/** Same id and key again returns the existing store, so a seed can run twice against one simulator. */
export function createStore(state: SimulatorState, input: StoreInput, nowMs: number): StoreResult {
  const existing = input.id === undefined ? undefined : state.stores.get(input.id);
  if (existing) {
    if (input.apiKey === undefined || input.apiKey === existing.apiKey) return { ok: true, store: existing, created: false };
    return { ok: false, status: 409, error: "A store with this id exists with another API key" };
  }
  if (input.apiKey !== undefined && state.storeIdByKey.has(input.apiKey)) {
    return { ok: false, status: 409, error: "This API key belongs to another store" };
  }
  const store: Store = {
    id: input.id ?? randomUUID(),
    name: input.name ?? "Demo Store",
    apiKey: input.apiKey ?? generateApiKey(),
    webhookUrls: [],
    categories: input.categories ?? ["apparel", "accessories", "home", "food"],
    lowersStock: input.lowersStock ?? true,
    createdAt: nowMs,
  };
  const urls = setWebhookUrls(store, input.webhookUrls ?? []);
  if (!urls.ok) return { ok: false, status: 400, error: urls.error };
  state.stores.set(store.id, store);
  state.storeIdByKey.set(store.apiKey, store.id);
  return { ok: true, store, created: true };
}

/** Replaces the list. TribeMade demands HTTPS; we also accept http because test receivers are local. */
export function setWebhookUrls(store: Store, urls: string[]): { ok: true } | { ok: false; error: string } {
  const unique = [...new Set(urls)];
  if (unique.length > MAX_WEBHOOK_URLS) return { ok: false, error: `At most ${MAX_WEBHOOK_URLS} webhook URLs per store` };
  const bad = unique.find((url) => !isHttpUrl(url));
  if (bad !== undefined) return { ok: false, error: `Not an http(s) URL: ${bad}` };
  store.webhookUrls = unique;
  return { ok: true };
}

/** Generating a new key invalidates the old one instantly (docs/tribemade-api.md §2). */
export function rotateApiKey(state: SimulatorState, store: Store, apiKey = generateApiKey()): string {
  state.storeIdByKey.delete(store.apiKey);
  store.apiKey = apiKey;
  state.storeIdByKey.set(apiKey, store.id);
  return apiKey;
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}
