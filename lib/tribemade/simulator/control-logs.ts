// Control API: reading back what the simulator received and sent. `since` is a sequence number
// (each entry has `seq`), so a test can read only what happened after a point it noted.

import type { SimulatorContext } from "./context";
import { jsonResponse, type ApiResponse } from "./http-io";

function since(query: URLSearchParams): number {
  const value = Number(query.get("since") ?? "0");
  return Number.isFinite(value) ? value : 0;
}

function matches(value: string | null, wanted: string | null): boolean {
  return wanted === null || value === wanted.toLowerCase();
}

export function requestsRoute(ctx: SimulatorContext, query: URLSearchParams): ApiResponse {
  const from = since(query);
  const path = query.get("path");
  const requests = ctx.state.requests.filter(
    (r) => r.seq > from && (path === null || r.path.startsWith(path)) && matches(r.storeId, query.get("storeId")),
  );
  return jsonResponse(200, { requests });
}

export function deliveriesRoute(ctx: SimulatorContext, query: URLSearchParams): ApiResponse {
  const from = since(query);
  const deliveries = ctx.state.deliveries.filter(
    (d) => d.seq > from && matches(d.orderId, query.get("orderId")) && matches(d.storeId, query.get("storeId")),
  );
  return jsonResponse(200, { deliveries });
}

/** The "customer emailed" record of every status change. */
export function statusChangesRoute(ctx: SimulatorContext, query: URLSearchParams): ApiResponse {
  const from = since(query);
  const statusChanges = ctx.state.statusChanges.filter((c) => c.seq > from && matches(c.orderId, query.get("orderId")));
  return jsonResponse(200, { statusChanges });
}
