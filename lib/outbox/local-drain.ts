import "server-only";
import { logger } from "@/lib/http/logger";
import type { DrainTrigger } from "@/lib/outbox/drain-types";
import { runDrain } from "@/lib/outbox/drain";

// Drains started inside this process (wake-ups, dashboard requests, the listener), coalesced: at
// most one per store (or one all-store drain) at a time; a request that arrives while one runs
// asks for one more pass after it, instead of a second drain beside it. Drains in other
// processes are separate and safe (docs/outbox.md): this only saves work.

type Slot = { running: Promise<void>; again: boolean };

const state = globalThis as unknown as { outboxLocal?: { slots: Map<string, Slot>; listening: boolean } };
const local = (state.outboxLocal ??= { slots: new Map(), listening: false });

/** Set by the listener while its LISTEN connection is up: then wake-ups only NOTIFY. */
export function setListening(value: boolean): void {
  local.listening = value;
}

export function isListening(): boolean {
  return local.listening;
}

export function drainHere(trigger: DrainTrigger, storeId: string | null, housekeeping = true): Promise<void> {
  const key = storeId ?? "*";
  const slot = local.slots.get(key);
  if (slot) {
    slot.again = true;
    return slot.running;
  }
  const next: Slot = { again: false, running: Promise.resolve() };
  next.running = (async () => {
    try {
      do {
        next.again = false;
        await runDrain({ trigger, storeId: storeId ?? undefined, housekeeping });
      } while (next.again);
    } catch (error) {
      logger.error("outbox drain failed", { trigger, error });
    } finally {
      local.slots.delete(key);
    }
  })();
  local.slots.set(key, next);
  return next.running;
}
