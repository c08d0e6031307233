import "server-only";
import { after } from "next/server";
import { setTimeout as sleep } from "node:timers/promises";
import { pgPool } from "@/lib/db";
import { logger } from "@/lib/http/logger";
import { takeDrainTurn } from "@/lib/outbox/drain-turn";
import { drainHere, isListening } from "@/lib/outbox/local-drain";

// Starting the drain without waiting for cron (docs/outbox.md, "Triggers"). Cron is the safety net;
// these are the fast paths, all best effort (the messages are already committed):
//   wakeOutbox(storeId)  after every write that enqueues (ingest calls it in after()): a NOTIFY on
//                        `tribedesk_outbox` for a listening process, and, when this process has no
//                        listener (serverless), a drain of that store right here.
//   wakeDrain(storeId)   the same for actions, optionally after a delay (a push's undo window).
//   drainSoon(storeId)   any signed-in request: if the store has work due, drain it in after(),
//                        at most once per store every few seconds across all instances.

export const OUTBOX_CHANNEL = "tribedesk_outbox";
// One statement per 50 ms at most: measured under load, each round trip costs the app's one
// JavaScript thread ~0.4 ms, so per-request NOTIFYs cost ingest 5–10% of its throughput; 50 ms is
// invisible to a person watching the feed. Plain pg, not Prisma, for the same reason.
const COALESCE_MS = 50;
/** A process asks the database whether a store has due work at most this often. */
const CHECK_EVERY_MS = 2_000;

let pending: { storeIds: Set<string>; sent: Promise<void> } | null = null;
const lastChecked = new Map<string, number>();

/** Resolves once the wake-up has been sent (and, without a listener, the store drained). */
export function wakeOutbox(storeId: string): Promise<void> {
  const notified = notify(storeId);
  if (isListening()) return notified;
  return Promise.all([notified, drainHere("wake", storeId, false)]).then(() => undefined);
}

/**
 * For server actions, inside `after()`: `after(() => wakeDrain(storeId, { delayMs: UNDO_WINDOW_MS }))`.
 * With a listener the NOTIFY goes at once (the listener times the due message itself); without
 * one this waits out the delay, then drains.
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

/** Call from any signed-in request; schedules a drain in after() when the store has work due. */
export function drainSoon(storeId: string): void {
  if (isListening()) return;
  const now = Date.now();
  if (now - (lastChecked.get(storeId) ?? 0) < CHECK_EVERY_MS) return;
  lastChecked.set(storeId, now);
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

function notify(storeId: string): Promise<void> {
  if (!pending) {
    const storeIds = new Set<string>();
    const sent = new Promise<void>((resolve) => {
      setTimeout(() => {
        pending = null;
        void send([...storeIds]).then(resolve);
      }, COALESCE_MS);
    });
    pending = { storeIds, sent };
  }
  pending.storeIds.add(storeId);
  return pending.sent;
}

async function send(storeIds: string[]): Promise<void> {
  try {
    await pgPool.query("SELECT pg_notify($1, id) FROM unnest($2::text[]) AS id", [OUTBOX_CHANNEL, storeIds]);
  } catch (error) {
    logger.warn("outbox wake-up failed", { stores: storeIds.length, error });
  }
}
