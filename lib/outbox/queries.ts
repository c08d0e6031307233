import "server-only";
import type { Member } from "@/lib/auth/require-member";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { budgetView, type BudgetView } from "@/lib/outbox/budget-view";
import { bucketLimits } from "@/lib/outbox/limits";
import { BUCKETS, OUTBOX_KINDS, type Bucket } from "@/lib/outbox/messages";
import { toMessageDto, type MessageRow } from "@/lib/outbox/message-dto";
import { oldestWaitingAt, queueDepth, waitingMessages } from "@/lib/outbox/queue-reads";
import {
  DRAIN_TRIGGERS,
  type BudgetViewDto,
  type DrainRunDto,
  type OutboxOverviewDto,
  type OutboxStatusDto,
  type RunHourDto,
} from "@/lib/outbox/schemas";

// Reads for the outbox page and the orders engineers' quota meter. Everything is scoped by the
// store: its messages, its budgets, the drain runs limited to it, and the all-store runs (their
// time and trigger only).

const limits: Record<Bucket, number> = bucketLimits();
const WAITING_SHOWN = 50;
const DEAD_SHOWN = 100;

/**
 * The store's status-change budget for a quota meter: { used, limit, resetsAt, blockedUntil }.
 * Callers pass member.store.id (the budget holds no personal data).
 */
export async function getStatusBudget(storeId: string, now = new Date()): Promise<BudgetView> {
  return (await getBudgets(storeId, now)).find((budget) => budget.bucket === "order_status")!;
}

async function getBudgets(storeId: string, now: Date): Promise<BudgetView[]> {
  const rows = await db.rateBudget.findMany({
    where: { storeId },
    select: { bucket: true, windowStart: true, used: true, blockedUntil: true },
  });
  return BUCKETS.map((bucket) =>
    budgetView(bucket, rows.find((row) => row.bucket === bucket) ?? null, limits[bucket], env.TRIBEMADE_RATE_WINDOW_MS, now),
  );
}

const MESSAGE_SELECT = {
  id: true,
  kind: true,
  status: true,
  attempts: true,
  payload: true,
  createdAt: true,
  availableAt: true,
  lastAttemptAt: true,
  lastError: true,
} as const;

export async function getOutboxOverview(member: Member, now = new Date()): Promise<OutboxOverviewDto> {
  const storeId = member.store.id;
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  const [store, depthRows, oldest, budgets, waitingRows, deadRows, deadTotal, runs, lastScheduled, hours] = await Promise.all([
    db.store.findUniqueOrThrow({
      where: { id: storeId },
      select: { outboxPausedAt: true, outboxPausedReason: true, apiKeyLast4: true },
    }),
    queueDepth(storeId, dayAgo),
    oldestWaitingAt(storeId),
    getBudgets(storeId, now),
    waitingMessages(storeId, WAITING_SHOWN),
    db.outboxMessage.findMany({
      where: { storeId, status: "dead" },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      take: DEAD_SHOWN,
      select: MESSAGE_SELECT,
    }),
    db.outboxMessage.count({ where: { storeId, status: "dead" } }),
    db.drainRun.findMany({
      where: { OR: [{ storeId }, { storeId: null }] },
      orderBy: { startedAt: "desc" },
      take: 1,
      select: RUN_SELECT,
    }),
    db.drainRun.findFirst({
      where: { OR: [{ storeId }, { storeId: null }], trigger: { in: ["cron", "external"] } },
      orderBy: { startedAt: "desc" },
      select: RUN_SELECT,
    }),
    runHours(storeId, now),
  ]);

  const orders = await ordersOf([...waitingRows, ...deadRows], storeId);
  const depth = OUTBOX_KINDS.map((kind) => {
    const count = (status: string) => depthRows.find((row) => row.kind === kind && row.status === status)?.n ?? 0;
    return { kind, pending: count("pending"), leased: count("leased"), dead: count("dead"), done24h: count("done") };
  });
  return {
    now: now.toISOString(),
    paused: store.outboxPausedAt ? { at: store.outboxPausedAt.toISOString(), reason: store.outboxPausedReason ?? "" } : null,
    hasKey: store.apiKeyLast4 !== null,
    depth,
    oldestPendingAt: oldest?.toISOString() ?? null,
    budgets: budgets.map(budgetDto),
    lastRun: runs[0] ? runDto(runs[0], storeId) : null,
    lastScheduledRun: lastScheduled ? runDto(lastScheduled, storeId) : null,
    hours,
    waiting: waitingRows.map((row) => toMessageDto(row, orders)),
    dead: deadRows.map((row) => toMessageDto(row, orders)),
    deadTotal,
  };
}

const RUN_SELECT = {
  trigger: true,
  storeId: true,
  startedAt: true,
  ms: true,
  claimed: true,
  done: true,
  retried: true,
  dead: true,
} as const;

function runDto(
  run: {
    trigger: string;
    storeId: string | null;
    startedAt: Date;
    ms: number;
    claimed: number;
    done: number;
    retried: number;
    dead: number;
  },
  storeId: string,
): DrainRunDto {
  const own = run.storeId === storeId;
  return {
    trigger: run.trigger,
    startedAt: run.startedAt.toISOString(),
    ms: run.ms,
    totals: own ? { claimed: run.claimed, done: run.done, retried: run.retried, dead: run.dead } : null,
  };
}

function budgetDto(view: BudgetView): BudgetViewDto {
  return { ...view, resetsAt: view.resetsAt?.toISOString() ?? null, blockedUntil: view.blockedUntil?.toISOString() ?? null };
}

async function ordersOf(rows: MessageRow[], storeId: string) {
  const ids = [...new Set(rows.flatMap((row) => (row.payload as { orderId?: string })?.orderId ?? []))];
  if (ids.length === 0) return new Map<string, { id: string; tribemadeOrderId: string; customerName: string }>();
  const orders = await db.order.findMany({
    where: { storeId, id: { in: ids } },
    select: { id: true, tribemadeOrderId: true, customerName: true },
  });
  return new Map(orders.map((order) => [order.id, order]));
}

/** Drain runs per hour over the last 24 h by trigger, with this store's calls that went through or failed. */
async function runHours(storeId: string, now: Date): Promise<RunHourDto[]> {
  const from = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000 - 23 * 3_600_000);
  const [runs, calls] = await Promise.all([
    db.$queryRaw<{ hour: Date; trigger: string; n: number }[]>`
      SELECT date_trunc('hour', "startedAt") AS hour, trigger, count(*)::int AS n FROM "DrainRun"
      WHERE "startedAt" >= ${from} AND ("storeId" = ${storeId}::uuid OR "storeId" IS NULL)
      GROUP BY 1, 2`,
    db.$queryRaw<{ hour: Date; sent: number; failed: number }[]>`
      SELECT date_trunc('hour', "startedAt") AS hour,
        count(*) FILTER (WHERE outcome = 'success')::int AS sent,
        count(*) FILTER (WHERE outcome <> 'success')::int AS failed
      FROM "OutboxAttempt" WHERE "storeId" = ${storeId}::uuid AND "startedAt" >= ${from}
      GROUP BY 1`,
  ]);
  return Array.from({ length: 24 }, (_, index) => {
    const hour = new Date(from.getTime() + index * 3_600_000);
    const same = (value: Date) => value.getTime() === hour.getTime();
    const byTrigger = Object.fromEntries(
      DRAIN_TRIGGERS.map((trigger) => [trigger, runs.find((row) => same(row.hour) && row.trigger === trigger)?.n ?? 0]),
    ) as RunHourDto["runs"];
    const call = calls.find((row) => same(row.hour));
    return { hour: hour.toISOString(), runs: byTrigger, sent: call?.sent ?? 0, failed: call?.failed ?? 0 };
  });
}

/** What the dashboard's banner needs on every page (one row, one indexed count, the status budget). */
export async function getOutboxStatus(member: Member): Promise<OutboxStatusDto> {
  const storeId = member.store.id;
  const [store, dead, statusBudget] = await Promise.all([
    db.store.findUniqueOrThrow({ where: { id: storeId }, select: { outboxPausedAt: true, outboxPausedReason: true } }),
    db.outboxMessage.count({ where: { storeId, status: "dead" } }),
    getStatusBudget(storeId),
  ]);
  return {
    paused: store.outboxPausedAt ? { at: store.outboxPausedAt.toISOString(), reason: store.outboxPausedReason ?? "" } : null,
    dead,
    canReplaceKey: member.role === "owner",
    statusBudget: budgetDto(statusBudget),
  };
}
