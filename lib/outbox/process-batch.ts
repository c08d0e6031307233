import "server-only";
import { storeApiKeyAad } from "@/lib/crypto/aad";
import { legacyFormatAccepted } from "@/lib/crypto/legacy-format";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { logger } from "@/lib/http/logger";
import { deferBucket, loadOrders, loadStores, markSendUnconfirmed } from "@/lib/outbox/batch-data";
import { applyFeedback, returnSlots, takeSlots, type BudgetFeedback } from "@/lib/outbox/budget";
import type { ClaimedMessage } from "@/lib/outbox/claim";
import type { DrainConfig, HandlerContext, HandlerResult } from "@/lib/outbox/drain-types";
import { emptyResult } from "@/lib/outbox/handler-calls";
import { BUCKET_OF, type Bucket } from "@/lib/outbox/messages";
import { batchOutcome, type BatchOutcome } from "@/lib/outbox/batch-outcome";
import type { OutboxHandlers } from "@/lib/outbox/registry";
import type { ApiKey } from "@/lib/tribemade/client/call";

// One claimed batch, start to finish except the write: load what the messages need, take rate
// budget slots per store and bucket (in claim order, so pushes first), mark pushes as possibly
// sent, run the handlers the domains registered a few at a time, and turn each outcome into the
// rows to write.

export async function processBatch(
  batch: ClaimedMessage[],
  owner: string,
  config: DrainConfig,
  kinds: OutboxHandlers["kinds"],
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
  const slots: ClaimSlot[] = [];
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
    if (grant.windowStart) {
      const windowStart = grant.windowStart;
      for (const message of messages.slice(0, grant.granted)) slots.push({ message, bucket, windowStart });
    }
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

  // Each store's key is decrypted once for this batch's calls and dropped with it (AES-GCM setup
  // per call cost ~90 µs, a tenth of a message's CPU here).
  const keys = new Map<string, ApiKey>();
  const acceptLegacy = await legacyFormatAccepted();
  const keyFor = (storeId: string): ApiKey => {
    let key = keys.get(storeId);
    if (!key) {
      // The claim only hands out TribeMade work for stores that have a key.
      key = {
        plaintext: decryptSecret(stores.get(storeId)?.apiKeyCiphertext ?? "", storeApiKeyAad(storeId), { acceptLegacy }),
      };
      keys.set(storeId, key);
    }
    return key;
  };

  const failed = new Set<string>();
  await eachLimited(runnable, config.concurrency, async (message) => {
    const store = stores.get(message.storeId);
    const orderId = orderIdOf(message);
    const ctx: HandlerContext = {
      message,
      store: store ?? {
        id: message.storeId,
        apiKeyCiphertext: null,
        fulfillmentUrl: null,
        fulfillmentSecretCiphertext: null,
        stockKeeper: "tribemade",
      },
      order: orderId ? (orders.get(orderId) ?? null) : null,
      config,
      apiKey: () => keyFor(message.storeId),
      takeSlot: (bucket) => takeSlots(message.storeId, bucket, 1, config.budget),
      afterCall,
    };
    try {
      results.set(message.id, await kinds[message.kind].handle(ctx));
    } catch (error) {
      failed.add(message.id);
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

  await returnUnspentSlots(slots, results, failed);
  await applyFeedback(collectFeedback(batch, results), config.budget);
  return batchOutcome(batch, results, config, kinds);
}

type ClaimSlot = { message: ClaimedMessage; bucket: Bucket; windowStart: Date };

/**
 * A slot taken for a message that made no call from its bucket goes back to the window it came
 * from: a stock change that found its product busy, or waited for a product read, must not cost
 * one of the store's 20 edits a minute. A handler that threw may have called before it did, so its
 * slot stays spent.
 */
async function returnUnspentSlots(slots: ClaimSlot[], results: Map<string, HandlerResult>, failed: Set<string>) {
  const unspent = new Map<string, ClaimSlot & { count: number }>();
  for (const slot of slots) {
    const result = results.get(slot.message.id);
    if (!result || failed.has(slot.message.id) || result.feedback.some((call) => call.bucket === slot.bucket)) continue;
    const key = `${slot.message.storeId}|${slot.bucket}|${slot.windowStart.getTime()}`;
    const group = unspent.get(key) ?? { ...slot, count: 0 };
    unspent.set(key, { ...group, count: group.count + 1 });
  }
  for (const { message, bucket, windowStart, count } of unspent.values()) {
    await returnSlots(message.storeId, bucket, count, windowStart);
  }
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
