import "server-only";
import { backoffDelayMs } from "@/lib/outbox/backoff";
import type { ClaimedMessage } from "@/lib/outbox/claim";
import type { DrainConfig, HandlerResult } from "@/lib/outbox/drain-types";
import { emptyResult } from "@/lib/outbox/handler-calls";
import { MAX_ATTEMPTS } from "@/lib/outbox/messages";
import type { BatchWrite } from "@/lib/outbox/persist";
import type { OutboxHandlers } from "@/lib/outbox/registry";

// What each handler's outcome means for its message (done, dead, retry with backoff, deferred,
// parked) and everything to write with it, merged per order, for lib/outbox/persist.ts.

const PARK_MS = 30 * 24 * 60 * 60 * 1000;

export type BatchOutcome = {
  write: BatchWrite;
  counts: { done: number; retried: number; dead: number };
  /** Orders this batch changed → their store, for the live feed. */
  orderIds: Map<string, string>;
};

export function batchOutcome(
  batch: ClaimedMessage[],
  results: Map<string, HandlerResult>,
  config: DrainConfig,
  kinds: OutboxHandlers["kinds"],
): BatchOutcome {
  const write: BatchWrite = { messages: [], attempts: [], events: [], patches: [], enqueue: [], pauses: [] };
  const counts = { done: 0, retried: 0, dead: 0 };
  const orderIds = new Map<string, string>();
  const patches = new Map<string, BatchWrite["patches"][number]>();
  const now = Date.now();

  for (const message of batch) {
    const result = results.get(message.id) ?? emptyResult({ type: "retry", error: "No result" });
    const called = result.attempts.length > 0;
    const lastAttemptAt = called ? result.attempts[result.attempts.length - 1]!.startedAt : null;
    let disposition = result.disposition;
    if (disposition.type === "retry" && message.attempts + 1 >= MAX_ATTEMPTS[message.kind]) {
      disposition = { type: "dead", error: `Gave up after ${message.attempts + 1} attempts: ${disposition.error}` };
      // What giving up means beyond the message is the kind's domain's business (a push that never
      // got through leaves its order "failed").
      kinds[message.kind].giveUp?.(message, result, disposition.error);
    }
    const base = { id: message.id, lastAttemptAt, sendUnconfirmed: result.sendUnconfirmed ?? null };
    switch (disposition.type) {
      case "done":
        write.messages.push({ ...base, status: "done", availableAt: null, countsAttempt: called, lastError: null });
        counts.done++;
        break;
      case "dead":
        write.messages.push({ ...base, status: "dead", availableAt: null, countsAttempt: called, lastError: disposition.error });
        counts.dead++;
        break;
      case "retry": {
        const delay = backoffDelayMs(message.attempts + 1, config.backoff);
        write.messages.push({
          ...base,
          status: "pending",
          availableAt: new Date(now + delay),
          countsAttempt: true,
          lastError: disposition.error,
        });
        counts.retried++;
        break;
      }
      case "defer":
        write.messages.push({
          ...base,
          status: "pending",
          availableAt: new Date(Math.max(disposition.until.getTime(), now + 100)),
          countsAttempt: false,
          lastError: disposition.error ?? null,
        });
        break;
      case "paused":
        // Parked with the rest of the store's work (lib/outbox/resume.ts) until the key is replaced.
        write.messages.push({
          ...base,
          status: "pending",
          availableAt: new Date(now + PARK_MS),
          countsAttempt: false,
          lastError: disposition.reason,
        });
        write.pauses.push({ storeId: message.storeId, reason: disposition.reason });
        break;
    }
    write.attempts.push(...result.attempts);
    for (const event of result.events) {
      write.events.push({ ...event, storeId: message.storeId, messageId: message.id });
      orderIds.set(event.orderId, message.storeId);
    }
    for (const row of result.enqueue) write.enqueue.push({ ...row, messageId: message.id });
    if (result.patch) {
      orderIds.set(result.patch.orderId, message.storeId);
      const merged = patches.get(result.patch.orderId);
      patches.set(
        result.patch.orderId,
        merged
          ? { ...merged, messageIds: [...merged.messageIds, message.id], set: { ...merged.set, ...result.patch.set } }
          : {
              orderId: result.patch.orderId,
              storeId: message.storeId,
              messageIds: [message.id],
              version: result.patch.version,
              set: result.patch.set,
            },
      );
    }
  }
  write.patches = [...patches.values()];
  return { write, counts, orderIds };
}
