// One /api/* call, in TribeMade's order: route → (faults) → API key → rate limit → endpoint.
// Auth: no X-API-Key header (or an empty one) is 401 "Missing API key"; any other key that is not
// a store's current key, malformed ones included, is 401 "Invalid API key" (docs/tribemade-api.md §2).
// Rate-limit headers go on every answer to an authenticated call, 429s and errors included.

import type { IncomingHttpHeaders } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { matchApiRoute } from "./api-router";
import type { SimulatorContext } from "./context";
import { latencyOf, takeFault, takeForced429 } from "./faults";
import { errorResponse, INVALID_JSON, parseJson, type ApiResponse } from "./http-io";
import { rateLimitHeaders, type EndpointClass } from "./rate-limit";
import { getOrder, putOrderStatus } from "./routes-orders";
import { createProduct, deleteProduct, editProduct, getProduct } from "./routes-products";
import { findStoreByApiKey } from "./stores";
import type { Store } from "./types";

export type ApiCall = { method: string; path: string; headers: IncomingHttpHeaders; body: Buffer };

export type ApiOutcome =
  | { kind: "respond"; response: ApiResponse; storeId: string | null; fault: string | null }
  | { kind: "hang"; ms: number; storeId: string | null; fault: string };

function dispatch(ctx: SimulatorContext, endpoint: EndpointClass, store: Store, id: string, body: unknown): ApiResponse {
  switch (endpoint) {
    case "order.get":
      return getOrder(ctx, store, id);
    case "order.status":
      return putOrderStatus(ctx, store, id, body);
    case "product.get":
      return getProduct(ctx, store, id);
    case "product.create":
      return createProduct(ctx, store, body);
    case "product.edit":
      return editProduct(ctx, store, id, body);
    case "product.delete":
      return deleteProduct(ctx, store, id);
  }
}

function serverError(status: number): ApiResponse {
  return errorResponse(status, status === 503 ? "Service unavailable" : "Internal server error");
}

export async function handleApiCall(ctx: SimulatorContext, call: ApiCall): Promise<ApiOutcome> {
  const route = matchApiRoute(call.method, call.path);
  const respond = (response: ApiResponse, storeId: string | null = null, fault: string | null = null): ApiOutcome => ({
    kind: "respond",
    response,
    storeId,
    fault,
  });
  if (route.kind === "not-found") return respond(errorResponse(404, "Not found"));
  if (route.kind === "method-not-allowed") {
    return respond({ ...errorResponse(405, "Method not allowed"), headers: { Allow: route.allow.join(", ") } });
  }

  const header = call.headers["x-api-key"];
  const apiKey = (Array.isArray(header) ? header[0] : header)?.trim() ?? "";
  const store = apiKey === "" ? null : findStoreByApiKey(ctx.state, apiKey);
  const storeId = store?.id ?? null;

  const { faults } = ctx.state;
  const hangBefore = takeFault(faults, storeId, "hang", "before");
  if (hangBefore) return { kind: "hang", ms: hangBefore.ms, storeId, fault: "hang" };
  const latencyMs = latencyOf(faults, storeId);
  if (latencyMs > 0) await sleep(latencyMs);
  const errorBefore = takeFault(faults, storeId, "error5xx", "before");
  if (errorBefore) return respond(serverError(errorBefore.status), storeId, "5xx");

  if (apiKey === "") return respond(errorResponse(401, "Missing API key"));
  if (!store) return respond(errorResponse(401, "Invalid API key"));

  const forcedRetry = takeForced429(faults, store.id, ctx.now());
  if (forcedRetry !== null) {
    const resetAt = Math.ceil(ctx.now() / 1000) + forcedRetry;
    const headers = rateLimitHeaders({ limit: ctx.limiter.limitOf(route.endpoint), remaining: 0, resetAt });
    return respond(
      { ...errorResponse(429, "Rate limit exceeded", { retry_after: forcedRetry }), headers },
      storeId,
      "forced-429",
    );
  }
  const decision = ctx.limiter.take(store.apiKey, route.endpoint);
  const headers = rateLimitHeaders(decision);
  if (!decision.allowed) {
    return respond({ ...errorResponse(429, "Rate limit exceeded", { retry_after: decision.retryAfter }), headers }, storeId);
  }

  const body = parseJson(call.body);
  const response =
    body === INVALID_JSON && (call.method === "POST" || call.method === "PUT")
      ? errorResponse(400, "Invalid JSON body")
      : dispatch(ctx, route.endpoint, store, route.id, body);

  // "after" faults: the call took effect, but the caller never learns it.
  const hangAfter = takeFault(faults, storeId, "hang", "after");
  if (hangAfter) return { kind: "hang", ms: hangAfter.ms, storeId, fault: "hang-after" };
  const errorAfter = takeFault(faults, storeId, "error5xx", "after");
  if (errorAfter) return respond({ ...serverError(errorAfter.status), headers }, storeId, "5xx-after");
  return respond({ ...response, headers: { ...response.headers, ...headers } }, storeId);
}
