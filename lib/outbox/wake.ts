import "server-only";
import { after } from "next/server";
import { setTimeout as sleep } from "node:timers/promises";
import { logger } from "@/lib/http/logger";
import { createNotifyBatcher } from "@/lib/notify-batcher";
import { takeDrainTurn } from "@/lib/outbox/drain-turn";
import { drainHere, isListening } from "@/lib/outbox/local-drain";

// Starting the drain without waiting for cron (docs/outbox.md, "Triggers"). Cron is the safety net;
// these are the fast paths, all best effort (the messages are already committed):
//   wakeOutbox(storeId)      after every write that enqueues (ingest calls it in after()): a NOTIFY
//                            on `tribedesk_outbox` for a listening process (coalesced, lib/notify-
//                            batcher.ts), and, when this process has no listener (serverless), a
//                            drain of that store right here.
//   wakeDrainAfter(storeId)  the same from actions, in after(), optionally after a delay (a push's undo window).
//   drainSoon(storeId)       a dashboard page view (app/(dashboard)/layout.tsx) and the status poll
//                            every open dashboard page makes (GET /api/outbox/status), its only two
//                            callers: if the store has work due, drain it in after(), at most once
//                            per store every few seconds across all instances.

export const OUTBOX_CHANNEL = "tribedesk_outbox";

const notifyOutbox = createNotifyBatcher(OUTBOX_CHANNEL);
/** A process asks the database whether a store has due work at most this often. */
const CHECK_EVERY_MS = 2_000;
const lastChecked = new Map<string, number>();

/** Resolves once the wake-up has been sent (and, without a listener, the store drained). */
export function wakeOutbox(storeId: string): Promise<void> {
  const notified = notifyOutbox(storeId);
  if (isListening()) return notified;
  return Promise.all([notified, drainHere("wake", storeId, false)]).then(() => undefined);
}

/**
 * wakeOutbox, optionally after a delay. With a listener the NOTIFY goes at once (the listener times
 * the due message itself); without one this waits out the delay (inside after()), then drains.
 */
export async function wakeDrain(storeId: string, options: { delayMs?: number } = {}): Promise<void> {
  if (options.delayMs && !isListening()) await sleep(options.delayMs + 250);
  await wakeOutbox(storeId);
}

/**
 * wakeDrain in `after()`, for server actions and mutations: `wakeDrainAfter(storeId, { delayMs:
 * UNDO_WINDOW_MS })` right after the transaction that enqueued. Outside a request it does nothing.
 */
export function wakeDrainAfter(storeId: string, options: { delayMs?: number } = {}): void {
  try {
    after(() => wakeDrain(storeId, options));
  } catch {
    // Outside a request (scripts, tests calling data functions directly): the listener or cron drains.
  }
}

/** Schedules a drain in after() when the store has work due (the dashboard's requests; see above). */
export function drainSoon(storeId: string): void {
  if (isListening()) return;
  const now = Date.now();
  if (now - (lastChecked.get(storeId) ?? 0) < CHECK_EVERY_MS) return;
  lastChecked.set(storeId, now);
  if (lastChecked.size > 10_000) lastChecked.clear();
  try {
    after(async () => {
      try {
        if (await takeDrainTurn(storeId)) await drainHere("dashboard", storeId);
      } catch (error) {
        logger.warn("outbox: dashboard drain failed", { error });
      }
    });
  } catch {
    // Outside a request (scripts, tests calling data functions directly): nothing to attach to.
  }
}
