import "server-only";
import type { ClaimedMessage } from "@/lib/outbox/claim";
import type { DrainConfig, HandlerContext, HandlerResult } from "@/lib/outbox/drain-types";
import { OUTBOX_KINDS, type OutboxKind } from "@/lib/outbox/messages";
import type { BatchWrite } from "@/lib/outbox/persist";
import { processSingleton } from "@/lib/process-singleton";

// How the drain reaches the domains without importing them (docs/architecture.md, "Domain map").
// A domain that owns outbox kinds describes them in one OutboxContribution: per kind, what sending a
// message does and what giving up on one means; what follows a written batch; what each drain
// queues or cleans up first. lib/wiring/outbox-handlers.ts registers every domain's contribution when a
// process starts (instrumentation.ts; tests and scripts that drain call it too), and every drain in
// the process uses them. Registered as a loader, run by outboxHandlers() (a Next.js server calls it
// at start-up; elsewhere the first drain does): domain modules read the configuration when they
// load, and a test process registers before its configuration is final (a test file sets it after
// the setup file has run).

export type KindHandler = {
  /** Sends one claimed message and says what became of it and what to write with it. */
  handle: (ctx: HandlerContext) => Promise<HandlerResult>;
  /** The message is dead after its last attempt: what that means beyond the message (adds to `result`). */
  giveUp?: (message: ClaimedMessage, result: HandlerResult, error: string) => void;
};

export type HousekeepingTotals = { scheduled: number; purged: number };

export type OutboxContribution = {
  handlers: Partial<Record<OutboxKind, KindHandler>>;
  /** Runs after each batch's outcome is written, with the order events it wrote. */
  afterBatch?: (events: BatchWrite["events"]) => Promise<void>;
  /** Runs once per drain before it claims; takes its own turn in Postgres, stops near `deadline` (performance.now()). */
  housekeeping?: (storeId: string | null, config: DrainConfig, deadline: number) => Promise<Partial<HousekeepingTotals>>;
};

export type OutboxHandlers = {
  kinds: Record<OutboxKind, KindHandler>;
  afterBatch: NonNullable<OutboxContribution["afterBatch"]>[];
  housekeeping: NonNullable<OutboxContribution["housekeeping"]>[];
};

type Registry = { load: (() => Promise<OutboxContribution[]>) | null; handlers: Promise<OutboxHandlers> | null };
const registry = processSingleton("outboxHandlers", (): Registry => ({ load: null, handlers: null }));

/** Registers every domain's contribution (lib/wiring/outbox-handlers.ts); loaded by the first drain. */
export function registerOutboxContributions(load: () => Promise<OutboxContribution[]>): void {
  registry.load = load;
  registry.handlers = null;
}

/** The registered handlers; throws when none are registered or a kind has none (a wiring mistake). */
export function outboxHandlers(): Promise<OutboxHandlers> {
  const load = registry.load;
  if (!load) {
    return Promise.reject(
      new Error("No outbox handlers registered: call registerOutboxHandlers() (lib/wiring/outbox-handlers.ts) at start"),
    );
  }
  registry.handlers ??= load()
    .then(combine)
    .catch((error: unknown) => {
      registry.handlers = null;
      throw error;
    });
  return registry.handlers;
}

function combine(contributions: OutboxContribution[]): OutboxHandlers {
  const kinds: Partial<Record<OutboxKind, KindHandler>> = {};
  for (const contribution of contributions) {
    for (const [kind, handler] of Object.entries(contribution.handlers) as [OutboxKind, KindHandler][]) {
      if (kinds[kind]) throw new Error(`Two domains registered a handler for outbox kind ${kind}`);
      kinds[kind] = handler;
    }
  }
  const missing = OUTBOX_KINDS.filter((kind) => !kinds[kind]);
  if (missing.length > 0) throw new Error(`No handler registered for outbox kind ${missing.join(", ")}`);
  return {
    kinds: kinds as Record<OutboxKind, KindHandler>,
    afterBatch: contributions.flatMap((contribution) => contribution.afterBatch ?? []),
    housekeeping: contributions.flatMap((contribution) => contribution.housekeeping ?? []),
  };
}
