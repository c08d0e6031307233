// Everything the simulator remembers, in memory. One instance per running simulator; tests read it
// directly (startSimulator returns it) or through the control API.

import { createFaultState, type FaultState } from "./faults";
import type { DeliveryAttempt, Order, Product, RecordedRequest, StatusChange, Store } from "./types";

/** Logs are ring buffers so a demo left running for days (or a benchmark) cannot grow memory. */
export const MAX_LOG_ENTRIES = 10_000;

export type SimulatorState = {
  stores: Map<string, Store>;
  storeIdByKey: Map<string, string>;
  products: Map<string, Product>;
  orders: Map<string, Order>;
  statusChanges: StatusChange[];
  requests: RecordedRequest[];
  deliveries: DeliveryAttempt[];
  faults: FaultState;
  seq: { request: number; delivery: number; statusChange: number };
};

export function createSimulatorState(): SimulatorState {
  return {
    stores: new Map(),
    storeIdByKey: new Map(),
    products: new Map(),
    orders: new Map(),
    statusChanges: [],
    requests: [],
    deliveries: [],
    faults: createFaultState(),
    seq: { request: 0, delivery: 0, statusChange: 0 },
  };
}

/** Empties the state in place, so references held by tests stay valid. */
export function resetSimulatorState(state: SimulatorState): void {
  const fresh = createSimulatorState();
  Object.assign(state, fresh);
}

export function pushCapped<T>(log: T[], entry: T): void {
  log.push(entry);
  if (log.length > MAX_LOG_ENTRIES) log.splice(0, log.length - MAX_LOG_ENTRIES);
}
