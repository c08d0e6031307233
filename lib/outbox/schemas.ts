import { z } from "zod";
import { BUCKETS, OUTBOX_KINDS } from "@/lib/outbox/messages";

// Contracts of the outbox page and the dashboard banner: the actions' inputs and the routes' JSON
// shapes. Client-safe.

const messageIds = z
  .array(z.string().regex(/^\d{1,19}$/, "Not a message id"))
  .min(1, "Select at least one message")
  .max(500);

export const messageIdsSchema = z.object({ ids: messageIds });
export type MessageIdsInput = z.infer<typeof messageIdsSchema>;

export const DRAIN_TRIGGERS = ["cron", "external", "listener", "wake", "dashboard"] as const;
export type DrainTriggerName = (typeof DRAIN_TRIGGERS)[number];

// The JSON the outbox routes answer with, as schemas the browser parses every answer with
// (lib/http/fetch-json.ts); times are ISO strings, unknown keys are dropped.

const iso = z.string();
const nullableIso = iso.nullable();

export const outboxMessageSchema = z.object({
  id: z.string(),
  kind: z.enum(OUTBOX_KINDS),
  status: z.enum(["pending", "leased", "done", "dead"]),
  attempts: z.number(),
  maxAttempts: z.number(),
  createdAt: iso,
  availableAt: iso,
  lastAttemptAt: nullableIso,
  lastError: z.string().nullable(),
  /** What the message does, in a few words: "→ dispatched", "verify", "forward". */
  summary: z.string(),
  order: z.object({ id: z.string(), shortId: z.string(), customerName: z.string() }).nullable(),
});
export type OutboxMessageDto = z.infer<typeof outboxMessageSchema>;

const drainRunSchema = z.object({
  trigger: z.string(),
  startedAt: iso,
  ms: z.number(),
  /** Only for runs limited to this store; an all-store run's totals are other stores' business. */
  totals: z.object({ claimed: z.number(), done: z.number(), retried: z.number(), dead: z.number() }).nullable(),
});
export type DrainRunDto = z.infer<typeof drainRunSchema>;

const runHourSchema = z.object({
  hour: iso,
  runs: z.looseRecord(z.enum(DRAIN_TRIGGERS), z.number()),
  sent: z.number(),
  failed: z.number(),
});
export type RunHourDto = z.infer<typeof runHourSchema>;

/** A rate budget (lib/outbox/budget-view.ts) with its times as ISO strings. */
export const budgetViewSchema = z.object({
  bucket: z.enum(BUCKETS),
  used: z.number(),
  limit: z.number(),
  windowMs: z.number(),
  resetsAt: nullableIso,
  blockedUntil: nullableIso,
});
export type BudgetViewDto = z.infer<typeof budgetViewSchema>;

export const outboxOverviewSchema = z.object({
  now: iso,
  paused: z.object({ at: iso, reason: z.string() }).nullable(),
  hasKey: z.boolean(),
  depth: z.array(
    z.object({ kind: z.enum(OUTBOX_KINDS), pending: z.number(), leased: z.number(), dead: z.number(), done24h: z.number() }),
  ),
  oldestPendingAt: nullableIso,
  budgets: z.array(budgetViewSchema),
  lastRun: drainRunSchema.nullable(),
  lastScheduledRun: drainRunSchema.nullable(),
  hours: z.array(runHourSchema),
  waiting: z.array(outboxMessageSchema),
  dead: z.array(outboxMessageSchema),
  deadTotal: z.number(),
});
export type OutboxOverviewDto = z.infer<typeof outboxOverviewSchema>;

/** The dashboard banner (lib/outbox/queries.ts builds it); the status budget rides along for quota meters. */
export const outboxStatusSchema = z.object({
  paused: z.object({ at: iso, reason: z.string() }).nullable(),
  dead: z.number(),
  canReplaceKey: z.boolean(),
  statusBudget: budgetViewSchema,
});
export type OutboxStatusDto = z.infer<typeof outboxStatusSchema>;

export type DrainNowResult = { claimed: number; done: number; retried: number; dead: number; ms: number };
