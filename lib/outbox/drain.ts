import "server-only";
import { randomUUID } from "node:crypto";
import { env } from "@/lib/env";
import { notifyFeed } from "@/lib/feed/notify";
import { logger } from "@/lib/http/logger";
import { DEFAULT_BACKOFF } from "@/lib/outbox/backoff";
import { bucketLimits } from "@/lib/outbox/limits";
import { recordRun, type RunTotals } from "@/lib/outbox/batch-data";
import { claimBatch, nextCursor, releaseExpiredLeases, reserveRunId } from "@/lib/outbox/claim";
import type { DrainConfig, DrainTrigger } from "@/lib/outbox/drain-types";
import { housekeeping } from "@/lib/outbox/housekeeping";
import { writeBatch } from "@/lib/outbox/persist";
import { processBatch } from "@/lib/outbox/process-batch";
import { outboxHandlers } from "@/lib/outbox/registry";
import { parkStore } from "@/lib/outbox/resume";

// The drain (docs/outbox.md): a bounded loop that claims a batch, sends it, writes the outcome,
// and stops claiming when its time budget is spent. Safe with any number of drains at once
// (SKIP LOCKED claims, leases fenced by run id, budgets locked in Postgres). Triggers: the cron
// route (and external schedulers calling it), a wake-up after a write, a signed-in request that
// found due work, the long-running listener.

export type DrainSummary = { runId: string; claimed: number; done: number; retried: number; dead: number; ms: number };

export type DrainOptions = {
  trigger: DrainTrigger;
  /** Only this store's messages and housekeeping (wake-ups, dashboards); all stores when absent. */
  storeId?: string;
  config?: Partial<DrainConfig>;
  /** Skip refresh scheduling and retention purges (tests of the queue alone). */
  housekeeping?: boolean;
  /** Test hook: runs after each outbound call, before its result is written. */
  afterCall?: () => Promise<void>;
};

// A lease outlives the slowest message: two calls at the timeout (a push that reads first) plus
// the writes around them, with room to spare.
const LEASE_SLACK_MS = 30_000;

export function drainConfig(overrides: Partial<DrainConfig> = {}): DrainConfig {
  const timeoutMs = overrides.timeoutMs ?? env.TRIBEMADE_TIMEOUT_MS;
  return {
    budget: {
      windowMs: env.TRIBEMADE_RATE_WINDOW_MS,
      limits: bucketLimits(),
    },
    budgetMs: env.OUTBOX_DRAIN_BUDGET_MS,
    timeoutMs,
    leaseMs: 2 * timeoutMs + LEASE_SLACK_MS,
    batchSize: 100,
    concurrency: 64,
    parallelBatches: 2,
    backoff: DEFAULT_BACKOFF,
    baseUrl: env.TRIBEMADE_API_BASE_URL,
    allowPrivateTargets: env.TRIBEDESK_DEMO,
    ...overrides,
  };
}

/** Scheduled triggers are recorded even when idle, so /outbox can show that cron is running. */
const ALWAYS_RECORDED: DrainTrigger[] = ["cron", "external"];

export async function runDrain(options: DrainOptions): Promise<DrainSummary> {
  const config = drainConfig(options.config);
  const handlers = await outboxHandlers();
  const startedAt = new Date();
  const started = performance.now();
  const storeId = options.storeId ?? null;
  const runId = await reserveRunId();
  const totals: RunTotals = { claimed: 0, done: 0, retried: 0, dead: 0, scheduled: 0, purged: 0 };

  await releaseExpiredLeases(storeId);
  if (options.housekeeping !== false) Object.assign(totals, await housekeeping(storeId, config, handlers.housekeeping));

  // A few batches in flight at once: one waits on TribeMade while another is claimed or written.
  // Each walks the stores from its own random place, so two claims rarely want the same rows.
  const worker = async () => {
    let after: string = randomUUID();
    while (performance.now() - started < config.budgetMs) {
      const batch = await claimBatch({
        owner: runId,
        storeId,
        after,
        limit: config.batchSize,
        leaseMs: config.leaseMs,
        budget: config.budget,
      });
      if (batch.length === 0) return;
      after = nextCursor(after, batch);
      totals.claimed += batch.length;
      const outcome = await processBatch(batch, runId, config, handlers.kinds, options.afterCall);
      await writeBatch(runId, runId, outcome.write);
      for (const { storeId: paused } of outcome.write.pauses) await parkStore(paused);
      // What the domains do with a written batch (the orders domain's store rule), before the feed
      // hears of the batch's orders below.
      for (const after of handlers.afterBatch) await after(outcome.write.events);
      totals.done += outcome.counts.done;
      totals.retried += outcome.counts.retried;
      totals.dead += outcome.counts.dead;
      // The live feed re-reads these orders (ids only, no PII).
      for (const [orderId, orderStoreId] of outcome.orderIds) void notifyFeed({ type: "order", storeId: orderStoreId, orderId });
    }
  };
  await Promise.all(Array.from({ length: config.parallelBatches }, worker));

  const ms = Math.round(performance.now() - started);
  const summary = { runId, claimed: totals.claimed, done: totals.done, retried: totals.retried, dead: totals.dead, ms };
  const worked = totals.claimed + totals.scheduled + totals.purged > 0;
  if (worked || ALWAYS_RECORDED.includes(options.trigger)) {
    await recordRun(runId, { trigger: options.trigger, storeId, startedAt, ms, ...totals });
  }
  if (worked || ALWAYS_RECORDED.includes(options.trigger)) {
    logger.info("outbox drain", { trigger: options.trigger, storeId, ...totals, ms });
  }
  return summary;
}
