import { z } from "zod";
import type { BudgetView } from "@/lib/outbox/budget-view";
import type { OutboxKind } from "@/lib/outbox/messages";

// Contracts of the outbox page: the actions' inputs and the overview's JSON shape. Client-safe.

const messageIds = z
  .array(z.string().regex(/^\d{1,19}$/, "Not a message id"))
  .min(1, "Select at least one message")
  .max(500);

export const messageIdsSchema = z.object({ ids: messageIds });
export type MessageIdsInput = z.infer<typeof messageIdsSchema>;

export const DRAIN_TRIGGERS = ["cron", "external", "listener", "wake", "dashboard"] as const;
export type DrainTriggerName = (typeof DRAIN_TRIGGERS)[number];

type Iso = string;

export type OutboxMessageDto = {
  id: string;
  kind: OutboxKind;
  status: "pending" | "leased" | "done" | "dead";
  attempts: number;
  maxAttempts: number;
  createdAt: Iso;
  availableAt: Iso;
  lastAttemptAt: Iso | null;
  lastError: string | null;
  /** What the message does, in a few words: "→ dispatched", "verify", "forward". */
  summary: string;
  order: { id: string; shortId: string; customerName: string } | null;
};

export type DrainRunDto = {
  trigger: string;
  startedAt: Iso;
  ms: number;
  /** Only for runs limited to this store; an all-store run's totals are other stores' business. */
  totals: { claimed: number; done: number; retried: number; dead: number } | null;
};

export type RunHourDto = { hour: Iso; runs: Record<DrainTriggerName, number>; sent: number; failed: number };

export type BudgetViewDto = Omit<BudgetView, "resetsAt" | "blockedUntil"> & { resetsAt: Iso | null; blockedUntil: Iso | null };

export type OutboxOverviewDto = {
  now: Iso;
  paused: { at: Iso; reason: string } | null;
  hasKey: boolean;
  depth: { kind: OutboxKind; pending: number; leased: number; dead: number; done24h: number }[];
  oldestPendingAt: Iso | null;
  budgets: BudgetViewDto[];
  lastRun: DrainRunDto | null;
  lastScheduledRun: DrainRunDto | null;
  hours: RunHourDto[];
  waiting: OutboxMessageDto[];
  dead: OutboxMessageDto[];
  deadTotal: number;
};

export type DrainNowResult = { claimed: number; done: number; retried: number; dead: number; ms: number };
