// Control API of the TribeMade simulator: lets tests, the demo and benchmarks drive it and read
// back what happened. Not part of TribeMade. No API key: it listens on the simulator's own port,
// which is bound to loopback by default. All bodies are JSON; errors are { "error": "..." } (400s
// from a bad body add "issues": [...]).
//
//   GET    /__control/health                      → { ok, stores, orders, products, url }
//   POST   /__control/reset                       → { ok }   (stores, orders, logs, faults, rate windows)
//   GET    /__control/stores                      → { stores: Store[] }
//   POST   /__control/stores                      { id?, name?, apiKey?, webhookUrls?, categories?, products? }
//                                                 → 201 { store, created: true } | 200 { store, created: false }
//                                                   (same id+key again); products absent → demo catalogue
//   GET    /__control/stores/:id                  → { store, products: ProductGet[] }
//   PUT    /__control/stores/:id/webhooks         { urls: string[] (≤5, http or https) } → { store }
//                                                   (TribeMade demands https; local receivers are http)
//   DELETE /__control/stores/:id/webhooks         → { store }
//   PUT    /__control/stores/:id/categories       { categories: string[] } → { store }
//   POST   /__control/stores/:id/rotate-key       { apiKey? } → { store }   (old key invalid at once)
//   POST   /__control/stores/:id/orders           { overrides?, sendWebhook? (true), absentFields? ("omit"|"null") }
//                                                 → 201 { order: OrderGet, payload, deliveries: DeliveryAttempt[] }
//   GET    /__control/orders[?storeId=]           → { orders: (OrderGet & { storeId })[] }
//   GET    /__control/orders/:id                  → { order: OrderGet, storeId, statusChanges }
//   POST   /__control/orders/:id/webhook          { times? (1..200, concurrent), urls?, absentFields? } → { deliveries }
//   POST   /__control/orders/:id/courier-deliver  → { order, storeId, statusChanges }  (409 when final)
//   POST   /__control/orders/:id/rate             { rating: 1..5, review? } → { order, ... }  (409 unless delivered)
//   POST   /__control/webhooks/send               { storeId? | urls?, body, times? } → { deliveries }  (raw body)
//   GET    /__control/faults                      → { global: FaultSet, stores: { [id]: FaultSet } }
//   PUT    /__control/faults                      { storeId?, latencyMs?, error5xx?: { rate, status?, phase? },
//                                                   hang?: { ms, rate?, phase? }, forced429?: { calls?, durationMs?, retryAfter? } }
//                                                 (null clears a kind) → same as GET
//   DELETE /__control/faults[?storeId=]           → same as GET
//   GET    /__control/requests[?since=&path=&storeId=]      → { requests: RecordedRequest[] }
//                                                   (every request except /__control and /images ones)
//   GET    /__control/deliveries[?since=&orderId=&storeId=] → { deliveries: DeliveryAttempt[] }
//   GET    /__control/status-changes[?since=&orderId=]      → { statusChanges: StatusChange[] }

import type { SimulatorContext } from "./context";
import { clearFaultsRoute, getFaultsRoute, setFaultsRoute } from "./control-faults";
import { deliveriesRoute, requestsRoute, statusChangesRoute } from "./control-logs";
import {
  courierDeliverRoute,
  getOrderRoute,
  listOrdersRoute,
  placeOrderRoute,
  rateRoute,
  rawWebhookRoute,
  resendRoute,
} from "./control-orders";
import {
  createStoreRoute,
  getStoreRoute,
  listStoresRoute,
  rotateKeyRoute,
  setCategoriesRoute,
  setWebhooksRoute,
} from "./control-stores";
import { errorResponse, jsonResponse, type ApiResponse } from "./http-io";
import { resetSimulatorState } from "./state";

export const CONTROL_PREFIX = "/__control";

type ControlCall = { params: string[]; query: URLSearchParams; body: unknown };
type Handler = (ctx: SimulatorContext, call: ControlCall) => ApiResponse | Promise<ApiResponse>;

const ROUTES: { method: string; pattern: RegExp; handler: Handler }[] = [
  { method: "GET", pattern: /^\/health$/, handler: (ctx) => health(ctx) },
  { method: "POST", pattern: /^\/reset$/, handler: (ctx) => reset(ctx) },
  { method: "GET", pattern: /^\/stores$/, handler: (ctx) => listStoresRoute(ctx) },
  { method: "POST", pattern: /^\/stores$/, handler: (ctx, c) => createStoreRoute(ctx, c.body) },
  { method: "GET", pattern: /^\/stores\/([^/]+)$/, handler: (ctx, c) => getStoreRoute(ctx, c.params[0]) },
  { method: "PUT", pattern: /^\/stores\/([^/]+)\/webhooks$/, handler: (ctx, c) => setWebhooksRoute(ctx, c.params[0], c.body) },
  {
    method: "DELETE",
    pattern: /^\/stores\/([^/]+)\/webhooks$/,
    handler: (ctx, c) => setWebhooksRoute(ctx, c.params[0], c.body, true),
  },
  {
    method: "PUT",
    pattern: /^\/stores\/([^/]+)\/categories$/,
    handler: (ctx, c) => setCategoriesRoute(ctx, c.params[0], c.body),
  },
  { method: "POST", pattern: /^\/stores\/([^/]+)\/rotate-key$/, handler: (ctx, c) => rotateKeyRoute(ctx, c.params[0], c.body) },
  { method: "POST", pattern: /^\/stores\/([^/]+)\/orders$/, handler: (ctx, c) => placeOrderRoute(ctx, c.params[0], c.body) },
  { method: "GET", pattern: /^\/orders$/, handler: (ctx, c) => listOrdersRoute(ctx, c.query) },
  { method: "GET", pattern: /^\/orders\/([^/]+)$/, handler: (ctx, c) => getOrderRoute(ctx, c.params[0]) },
  { method: "POST", pattern: /^\/orders\/([^/]+)\/webhook$/, handler: (ctx, c) => resendRoute(ctx, c.params[0], c.body) },
  { method: "POST", pattern: /^\/orders\/([^/]+)\/courier-deliver$/, handler: (ctx, c) => courierDeliverRoute(ctx, c.params[0]) },
  { method: "POST", pattern: /^\/orders\/([^/]+)\/rate$/, handler: (ctx, c) => rateRoute(ctx, c.params[0], c.body) },
  { method: "POST", pattern: /^\/webhooks\/send$/, handler: (ctx, c) => rawWebhookRoute(ctx, c.body) },
  { method: "GET", pattern: /^\/faults$/, handler: (ctx) => getFaultsRoute(ctx) },
  { method: "PUT", pattern: /^\/faults$/, handler: (ctx, c) => setFaultsRoute(ctx, c.body) },
  { method: "DELETE", pattern: /^\/faults$/, handler: (ctx, c) => clearFaultsRoute(ctx, c.query) },
  { method: "GET", pattern: /^\/requests$/, handler: (ctx, c) => requestsRoute(ctx, c.query) },
  { method: "GET", pattern: /^\/deliveries$/, handler: (ctx, c) => deliveriesRoute(ctx, c.query) },
  { method: "GET", pattern: /^\/status-changes$/, handler: (ctx, c) => statusChangesRoute(ctx, c.query) },
];

function health(ctx: SimulatorContext): ApiResponse {
  const { stores, orders, products } = ctx.state;
  return jsonResponse(200, { ok: true, stores: stores.size, orders: orders.size, products: products.size, url: ctx.publicUrl });
}

function reset(ctx: SimulatorContext): ApiResponse {
  resetSimulatorState(ctx.state);
  ctx.limiter.reset();
  return jsonResponse(200, { ok: true });
}

/** `path` is the part after /__control. */
export async function handleControlCall(
  ctx: SimulatorContext,
  method: string,
  path: string,
  query: URLSearchParams,
  body: unknown,
): Promise<ApiResponse> {
  let pathMatched = false;
  for (const route of ROUTES) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    pathMatched = true;
    if (route.method === method) return route.handler(ctx, { params: match.slice(1), query, body });
  }
  return pathMatched ? errorResponse(405, "Method not allowed") : errorResponse(404, "Not found");
}
