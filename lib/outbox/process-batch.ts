import "server-only";
import { logger } from "@/lib/http/logger";
import { backoffDelayMs } from "@/lib/outbox/backoff";
import { deferBucket, loadOrders, loadStores, markSendUnconfirmed } from "@/lib/outbox/batch-data";
import { applyFeedback, takeSlots, type BudgetFeedback } from "@/lib/outbox/budget";
import type { ClaimedMessage } from "@/lib/outbox/claim";
import type { DrainConfig, HandlerContext, HandlerResult } from "@/lib/outbox/drain-types";
import { emptyResult } from "@/lib/outbox/handlers/common";
import { forward } from "@/lib/outbox/handlers/forward";
import { pushStatus } from "@/lib/outbox/handlers/push-status";
import { refreshOrder } from "@/lib/outbox/handlers/refresh-order";
import { verifyOrder } from "@/lib/outbox/handlers/verify-order";
import { BUCKET_OF, MAX_ATTEMPTS, type Bucket, type OutboxKind } from "@/lib/outbox/messages";
import type { BatchWrite } from "@/lib/outbox/persist";

// One claimed batch, start to finish except the write: load what the messages need, take rate
// budget slots per store and bucket (in claim order, so pushes first), mark pushes as possibly
// sent, run the handlers a few at a time, and turn each outcome into the rows to write.

const HANDLERS: Record<OutboxKind, (ctx: HandlerContext) => Promise<HandlerResult>> = {
  verify_order: verifyOrder,
  push_status: pushStatus,
  refresh_order: refreshOrder,
  forward,
};

const PARK_MS = 30 * 24 * 60 * 60 * 1000;

export type BatchOutcome = {
  write: BatchWrite;
  counts: { done: number; retried: number; dead: number };
  /** Orders this batch changed → their store, for the live feed. */
  orderIds: Map<string, string>;
};

export async function processBatch(
  batch: ClaimedMessage[],
  owner: string,
  config: DrainConfig,
  afterCall?: () => Promise<void>,
): Promise<BatchOutcome> {
  const storeIds = [...new Set(batch.map((m) => m.storeId))];
  const [stores, orders] = await Promise.all([
    loadStores(storeIds),
    loadOrders([...new Set(batch.flatMap((m) => orderIdOf(m) ?? []))], storeIds),
  ]);

  // Budget first: the messages that got no slot go back untouched until the bucket opens.
  const results = new Map<string, HandlerResult>();
  const runnable: ClaimedMessage[] = [];
  const groups = new Map<string, ClaimedMessage[]>();
  for (const message of batch) {
    const bucket = firstBucket(message);
    if (!bucket) {
      runnable.push(message);
      continue;
    }
    const key = `${message.storeId}|${bucket}`;
    groups.set(key, [...(groups.get(key) ?? []), message]);
  }
  for (const [key, messages] of groups) {
    const [storeId, bucket] = key.split("|") as [string, Bucket];
    const grant = await takeSlots(storeId, bucket, messages.length, config.budget);
    runnable.push(...messages.slice(0, grant.granted));
    // The window is spent: move the store's other due work of this bucket to when it opens, so no
    // claim walks past it again and again meanwhile (order kept: same time, then id).
    if (grant.granted < messages.length && grant.opensAt) await deferBucket(storeId, bucket, grant.opensAt);
    for (const message of messages.slice(grant.granted)) {
      results.set(message.id, emptyResult({ type: "defer", until: grant.opensAt ?? new Date(Date.now() + 1_000) }));
    }
  }
  await markSendUnconfirmed(
    owner,
    runnable.filter((m) => m.kind === "push_status" && !m.sendUnconfirmed).map((m) => m.id),
  );

  await eachLimited(runnable, config.concurrency, async (message) => {
    const store = stores.get(message.storeId);
    const orderId = orderIdOf(message);
    const ctx: HandlerContext = {
      message,
      store: store ?? { id: message.storeId, apiKeyCiphertext: null, fulfillmentUrl: null, fulfillmentSecretCiphertext: null },
      order: orderId ? (orders.get(orderId) ?? null) : null,
      config,
      takeSlot: (bucket) => takeSlots(message.storeId, bucket, 1, config.budget),
      afterCall,
    };
    try {
      results.set(message.id, await HANDLERS[message.kind](ctx));
    } catch (error) {
      // A payload that does not parse never will; anything else is ours and may pass.
      const malformed = error instanceof Error && error.name === "ZodError";
      logger.error("outbox handler failed", { messageId: message.id, kind: message.kind, error });
      results.set(
        message.id,
        emptyResult(
          malformed
            ? { type: "dead", error: "Malformed message payload" }
            : { type: "retry", error: "Internal error while sending" },
        ),
      );
    }
  });

  await applyFeedback(collectFeedback(batch, results), config.budget);
  return toWrite(batch, results, config);
}

function orderIdOf(message: ClaimedMessage): string | null {
  const value = (message.payload as { orderId?: unknown } | null)?.orderId;
  return typeof value === "string" && /^[0-9a-f-]{36}$/i.test(value) ? value : null;
}

/** The bucket a message's first call spends: a push that may already be sent reads the order first. */
function firstBucket(message: ClaimedMessage): Bucket | null {
  if (message.kind === "push_status" && message.sendUnconfirmed) return "order_get";
  return BUCKET_OF[message.kind];
}

async function eachLimited<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function collectFeedback(batch: ClaimedMessage[], results: Map<string, HandlerResult>): BudgetFeedback[] {
  const byBucket = new Map<string, BudgetFeedback>();
  for (const message of batch) {
    for (const item of results.get(message.id)?.feedback ?? []) {
      const key = `${message.storeId}|${item.bucket}`;
      const entry = byBucket.get(key) ?? { storeId: message.storeId, bucket: item.bucket, headers: [], blockUntil: null };
      if (item.rateLimit) entry.headers.push(item.rateLimit);
      if (item.blockUntil && (!entry.blockUntil || item.blockUntil > entry.blockUntil)) entry.blockUntil = item.blockUntil;
      byBucket.set(key, entry);
    }
  }
  return [...byBucket.values()];
}

function toWrite(batch: ClaimedMessage[], results: Map<string, HandlerResult>, config: DrainConfig): BatchOutcome {
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
      giveUp(message, result, disposition.error);
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

/** What giving up means beyond the message: a push that never got through leaves the order failed. */
function giveUp(message: ClaimedMessage, result: HandlerResult, error: string): void {
  const payload = message.payload as { orderId?: string; status?: string; version?: number; requestEventId?: string };
  if (!payload.orderId) return;
  if (message.kind === "push_status") {
    result.patch = { orderId: payload.orderId, version: payload.version ?? 0, set: { sync: "failed", syncError: error } };
    result.events.push({
      orderId: payload.orderId,
      type: "status_push_failed",
      actor: "system",
      data: { status: payload.status, version: payload.version, requestEventId: payload.requestEventId, httpStatus: null, error },
    });
  } else if (message.kind === "forward") {
    result.events.push({ orderId: payload.orderId, type: "forward_failed", actor: "system", data: { error } });
  }
}
