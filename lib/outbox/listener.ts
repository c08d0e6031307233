import "server-only";
import { pgPool } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/http/logger";
import { anyClaimable } from "@/lib/outbox/claim";
import { drainConfig } from "@/lib/outbox/drain";
import { drainHere, setListening } from "@/lib/outbox/local-drain";
import { OFF_TRIBEMADE_SQL, PRIORITY } from "@/lib/outbox/messages";
import { OUTBOX_CHANNEL } from "@/lib/outbox/wake";
import { listenUrl, subscribe } from "@/lib/pg-listen";
import { processSingleton } from "@/lib/process-singleton";

// The long-running drainer of `npm start` / `npm run dev` (TRIBEDESK_DRAIN_LISTENER=1, started from
// instrumentation.ts): LISTEN on `tribedesk_outbox`, drain all stores on every wake-up (so work
// starts within a second of a write), and between wake-ups sleep until the next message is due
// (retries, pushes leaving their undo window) or at most 30 s (refresh scheduling, retention).
// Not for serverless hosts: there nothing lives between requests, and cron plus wake-ups drain.

const MAX_SLEEP_MS = 30_000;
const MIN_SLEEP_MS = 250;

const state = processSingleton("outboxListener", () => ({ current: null as { stop: () => void } | null }));

export function startDrainListener(): void {
  if (!env.TRIBEDESK_DRAIN_LISTENER || state.current) return;
  if (!listenUrl()) {
    logger.warn("outbox listener: no direct database URL for LISTEN; relying on cron and wake-ups");
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const drain = () => {
    clearTimeout(timer);
    void drainHere("listener", null).then(scheduleNext);
  };
  // Every wake-up during a pass ends with that pass: one look at the next due time serves them all.
  let scheduling: Promise<void> | null = null;
  const scheduleNext = () =>
    (scheduling ??= (async () => {
      if (stopped) return;
      const wait = await untilNextDue().catch(() => MAX_SLEEP_MS);
      clearTimeout(timer);
      timer = setTimeout(drain, Math.min(MAX_SLEEP_MS, Math.max(MIN_SLEEP_MS, wait)));
      timer.unref();
    })().finally(() => (scheduling = null)));

  const unsubscribe = subscribe(OUTBOX_CHANNEL, (payload) => {
    // null: (re)connected. Anything sent while the connection was down is lost, so drain now.
    setListening(true);
    if (payload === null) logger.info("outbox listener: listening");
    drain();
  });
  state.current = {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      setListening(false);
      unsubscribe();
    },
  };
}

/**
 * Milliseconds until the earliest message a drain could claim: none when the claim's own lanes have
 * work now (lib/outbox/claim.ts: a paused store's backlog is never walked), else the next due time
 * among messages still in the future (one index probe per priority), an expiring lease, or a
 * spent or blocked rate budget reopening.
 */
async function untilNextDue(): Promise<number> {
  const budget = drainConfig().budget;
  if (await anyClaimable(budget)) return 0;
  const priorities = [...new Set(Object.values(PRIORITY))];
  const { rows } = await pgPool.query<{ wait: number | null }>(
    `
    SELECT extract(epoch FROM (min(due) - now())) * 1000 AS wait FROM (
      SELECT (SELECT m."availableAt" FROM "OutboxMessage" m JOIN "Store" s ON s.id = m."storeId"
              WHERE m.status = 'pending' AND m.priority = p AND m."availableAt" > now()
                AND (m.kind IN ${OFF_TRIBEMADE_SQL} OR (s."outboxPausedAt" IS NULL AND s."apiKeyCiphertext" IS NOT NULL))
              ORDER BY m."availableAt" LIMIT 1) AS due
      FROM unnest($1::int[]) AS p
      UNION ALL
      SELECT min("leaseUntil") FROM "OutboxMessage" WHERE status = 'leased'
      UNION ALL
      SELECT min(greatest(b."windowStart" + $2 * interval '1 millisecond', b."blockedUntil")) FROM "RateBudget" b
      WHERE b."windowStart" + $2 * interval '1 millisecond' > now() OR b."blockedUntil" > now()
    ) AS next`,
    [priorities, budget.windowMs],
  );
  const wait = rows[0]?.wait;
  return wait === null || wait === undefined ? MAX_SLEEP_MS : Number(wait);
}

/** Stops the listener of this process (tests; a dev server's hot reload starts a new one). */
export function stopDrainListener(): void {
  state.current?.stop();
  state.current = null;
}
