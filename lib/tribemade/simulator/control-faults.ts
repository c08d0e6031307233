// Control API: setting and clearing faults (semantics in faults.ts).

import type { z } from "zod";
import type { SimulatorContext } from "./context";
import { faultsSchema, parseControl } from "./control-schemas";
import { startingCredit, type FaultSet } from "./faults";
import { errorResponse, jsonResponse, type ApiResponse } from "./http-io";

type FaultsInput = z.infer<typeof faultsSchema>;

function applyFaults(set: FaultSet, input: FaultsInput, ctx: SimulatorContext): void {
  if (input.latencyMs === null) delete set.latencyMs;
  else if (input.latencyMs !== undefined) set.latencyMs = input.latencyMs;
  if (input.error5xx === null) delete set.error5xx;
  else if (input.error5xx !== undefined) set.error5xx = { ...input.error5xx, credit: startingCredit(ctx.random.next()) };
  if (input.hang === null) delete set.hang;
  else if (input.hang !== undefined) set.hang = { ...input.hang, credit: startingCredit(ctx.random.next()) };
  if (input.forced429 === null) delete set.forced429;
  else if (input.forced429 !== undefined) {
    const { calls, durationMs, retryAfter } = input.forced429;
    set.forced429 = {
      remainingCalls: calls ?? null,
      untilMs: durationMs === undefined ? null : ctx.now() + durationMs,
      retryAfter: retryAfter ?? null,
    };
  }
}

function faultsView(ctx: SimulatorContext) {
  const { global, byStore } = ctx.state.faults;
  return { global, stores: Object.fromEntries(byStore) };
}

export function getFaultsRoute(ctx: SimulatorContext): ApiResponse {
  return jsonResponse(200, faultsView(ctx));
}

export function setFaultsRoute(ctx: SimulatorContext, body: unknown): ApiResponse {
  const input = parseControl(faultsSchema, body);
  if (!input.ok) return input.response;
  const { storeId } = input.value;
  if (storeId !== undefined && !ctx.state.stores.has(storeId)) return errorResponse(404, "Store not found");
  const { faults } = ctx.state;
  let set = faults.global;
  if (storeId !== undefined) {
    set = faults.byStore.get(storeId) ?? {};
    faults.byStore.set(storeId, set);
  }
  applyFaults(set, input.value, ctx);
  return jsonResponse(200, faultsView(ctx));
}

/** ?storeId= clears one store's faults; without it, every fault everywhere. */
export function clearFaultsRoute(ctx: SimulatorContext, query: URLSearchParams): ApiResponse {
  const storeId = query.get("storeId")?.toLowerCase();
  if (storeId === undefined) {
    ctx.state.faults.global = {};
    ctx.state.faults.byStore.clear();
  } else {
    ctx.state.faults.byStore.delete(storeId);
  }
  return jsonResponse(200, faultsView(ctx));
}
