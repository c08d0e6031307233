import "server-only";
import type { DrainConfig } from "@/lib/outbox/drain-types";
import type { OutboxRow } from "@/lib/outbox/messages";
import type { HousekeepingTotals } from "@/lib/outbox/registry";
import { alertNotification, type AlertDetail } from "@/lib/notifications/alerts/alert-text";
import { readConditions, type StoreConditions } from "@/lib/notifications/alerts/detect";
import { nextIncident } from "@/lib/notifications/alerts/incident";
import { isSilent } from "@/lib/notifications/alerts/silence";
import { loadAlertStates, saveAlerts, takeAlertTurn, type AlertRow } from "@/lib/notifications/alerts/state";
import { queueDailySummary } from "@/lib/notifications/summary/queue";
import { enabledChannels } from "@/lib/notifications/channels";
import { notificationRows } from "@/lib/notifications/outbox/messages";
import type { AlertTopic } from "@/lib/notifications/topics";

// The drain's housekeeping step the notifications domain registers (lib/notifications/outbox/
// handlers.ts): for each store whose turn it is (once a minute), read the conditions, move each
// alert's incident (lib/notifications/alerts/incident.ts) and queue what opened or resolved, then
// the daily summary when its hour has come. The drain claims the queued messages right after.

/** Stores checked per drain: an all-store cron run over many stores spreads them over minutes. */
const STORES_PER_DRAIN = 50;

type Verdict = { active: boolean; detail: AlertDetail };

/** Every alert's detector: open while its condition holds. */
export function verdicts(c: StoreConditions, now: Date): Record<AlertTopic, Verdict> {
  const quietHours = c.lastWebhookAt ? Math.floor((now.getTime() - c.lastWebhookAt.getTime()) / 3_600_000) : 0;
  return {
    key_rejected: { active: c.pausedReason !== null, detail: { reason: c.pausedReason ?? undefined } },
    dead_letter: { active: c.deadLetters > 0, detail: { count: c.deadLetters } },
    fulfillment_failing: { active: c.failingForwards > 0, detail: { count: c.failingForwards } },
    deliveries_refused: { active: c.refused > 0, detail: { count: c.refused } },
    low_stock: { active: c.lowStock > 0, detail: { count: c.lowStock } },
    webhook_silence: {
      active: isSilent({ lastWebhookAt: c.lastWebhookAt, expected: c.expected, now }),
      detail: { hours: quietHours },
    },
  };
}

export async function checkAlerts(
  storeId: string | null,
  _config: DrainConfig,
  deadline: number,
): Promise<Partial<HousekeepingTotals>> {
  const stores = await takeAlertTurn(storeId, STORES_PER_DRAIN);
  if (stores.length === 0) return {};
  const channels = enabledChannels();
  const conditions = await readConditions(stores.map((store) => store.id));
  const states = await loadAlertStates(stores.map((store) => store.id));
  const now = new Date();
  const changes: (AlertRow & { detail: unknown })[] = [];
  const rows: OutboxRow[] = [];
  for (const c of conditions) {
    const store = stores.find((candidate) => candidate.id === c.storeId)!;
    for (const [kind, verdict] of Object.entries(verdicts(c, now)) as [AlertTopic, Verdict][]) {
      const current = states.find((state) => state.storeId === c.storeId && state.kind === kind) ?? {
        storeId: c.storeId,
        kind,
        incident: 0,
        openedAt: null,
        resolvedAt: null,
      };
      const { state, tell } = nextIncident(current, verdict.active, now);
      if (state === current) continue;
      changes.push({ ...current, ...state, detail: verdict.detail });
      if (tell && channels.length > 0) {
        rows.push(
          ...notificationRows(c.storeId, alertNotification(kind, state.incident, tell, verdict.detail, store.name), channels),
        );
      }
    }
  }
  await saveAlerts(changes, rows);
  let summaries = 0;
  for (const store of stores) {
    if (performance.now() > deadline) break;
    if (await queueDailySummary(store, now)) summaries++;
  }
  return { scheduled: rows.length + summaries };
}
