// A typed client for the simulator's control API (routes in control-api.ts), for tests, the app's
// start script and benchmarks. Non-2xx answers throw with the simulator's message, except through
// `request`, which returns status and body as they are.

import type { z } from "zod";
import type { storeView } from "./control-stores";
import type { createStoreSchema, faultsSchema, placeOrderSchema, rawWebhookSchema, resendSchema } from "./control-schemas";
import type { FaultSet } from "./faults";
import type { OrderView } from "./order-view";
import type { ProductView } from "./products";
import type { DeliveryAttempt, RecordedRequest, StatusChange } from "./types";
import type { OrderCreatedPayload } from "./webhook-payload";

export type StoreView = ReturnType<typeof storeView>;
export type OrderDetail = { order: OrderView; storeId: string; statusChanges: StatusChange[] };
export type PlacedOrderView = { order: OrderView; payload: OrderCreatedPayload; deliveries: DeliveryAttempt[] };
export type FaultsView = { global: FaultSet; stores: Record<string, FaultSet> };
type Query = Record<string, string | number | undefined>;

export class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`simulator control call failed with ${status}: ${JSON.stringify(body)}`);
  }
}

function queryString(query: Query = {}): string {
  const pairs = Object.entries(query).filter((entry): entry is [string, string | number] => entry[1] !== undefined);
  return pairs.length === 0 ? "" : `?${new URLSearchParams(pairs.map(([k, v]) => [k, String(v)])).toString()}`;
}

export function createControlClient(baseUrl: string) {
  const root = `${baseUrl.replace(/\/$/, "")}/__control`;

  async function request(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${root}${path}`, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  }

  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const result = await request(method, path, body);
    if (result.status < 200 || result.status > 299) throw new ControlError(result.status, result.body);
    return result.body as T;
  }

  return {
    request,
    health: () => call<{ ok: boolean; stores: number; orders: number; products: number; url: string }>("GET", "/health"),
    reset: () => call<{ ok: true }>("POST", "/reset", {}),
    createStore: (input: z.input<typeof createStoreSchema> = {}) =>
      call<{ store: StoreView; created: boolean }>("POST", "/stores", input),
    listStores: () => call<{ stores: StoreView[] }>("GET", "/stores"),
    getStore: (id: string) => call<{ store: StoreView; products: ProductView[] }>("GET", `/stores/${id}`),
    setWebhooks: (id: string, urls: string[]) => call<{ store: StoreView }>("PUT", `/stores/${id}/webhooks`, { urls }),
    clearWebhooks: (id: string) => call<{ store: StoreView }>("DELETE", `/stores/${id}/webhooks`),
    setCategories: (id: string, categories: string[]) =>
      call<{ store: StoreView }>("PUT", `/stores/${id}/categories`, { categories }),
    rotateKey: (id: string, apiKey?: string) =>
      call<{ store: StoreView }>("POST", `/stores/${id}/rotate-key`, apiKey ? { apiKey } : {}),
    placeOrder: (storeId: string, input: z.input<typeof placeOrderSchema> = {}) =>
      call<PlacedOrderView>("POST", `/stores/${storeId}/orders`, input),
    listOrders: (storeId?: string) =>
      call<{ orders: (OrderView & { storeId: string })[] }>("GET", `/orders${queryString({ storeId })}`),
    getOrder: (id: string) => call<OrderDetail>("GET", `/orders/${id}`),
    resendWebhook: (id: string, input: z.input<typeof resendSchema> = {}) =>
      call<{ deliveries: DeliveryAttempt[] }>("POST", `/orders/${id}/webhook`, input),
    sendRawWebhook: (input: z.input<typeof rawWebhookSchema>) =>
      call<{ deliveries: DeliveryAttempt[] }>("POST", "/webhooks/send", input),
    courierDeliver: (id: string) => call<OrderDetail>("POST", `/orders/${id}/courier-deliver`, {}),
    rate: (id: string, rating: number, review?: string | null) =>
      call<OrderDetail>("POST", `/orders/${id}/rate`, { rating, review }),
    getFaults: () => call<FaultsView>("GET", "/faults"),
    setFaults: (input: z.input<typeof faultsSchema>) => call<FaultsView>("PUT", "/faults", input),
    clearFaults: (storeId?: string) => call<FaultsView>("DELETE", `/faults${queryString({ storeId })}`),
    requests: (query?: { since?: number; path?: string; storeId?: string }) =>
      call<{ requests: RecordedRequest[] }>("GET", `/requests${queryString(query)}`),
    deliveries: (query?: { since?: number; orderId?: string; storeId?: string }) =>
      call<{ deliveries: DeliveryAttempt[] }>("GET", `/deliveries${queryString(query)}`),
    statusChanges: (query?: { since?: number; orderId?: string }) =>
      call<{ statusChanges: StatusChange[] }>("GET", `/status-changes${queryString(query)}`),
  };
}

export type ControlClient = ReturnType<typeof createControlClient>;
