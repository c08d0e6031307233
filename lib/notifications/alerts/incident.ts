// An alert is an incident: it opens when its condition starts, resolves when the condition ends,
// and is told once each way (the notification keys carry the incident number, and the outbox
// enqueues a key once). An incident that comes back within REOPEN_MS of resolving is the same
// incident again, so a flapping condition is told once, not every minute: the rate limit.
// Pure: lib/notifications/alerts/check.ts reads and writes the AlertState rows. Client-safe.

export const REOPEN_MS = 30 * 60 * 1000;

export type IncidentState = { incident: number; openedAt: Date | null; resolvedAt: Date | null };
export type Transition = { state: IncidentState; tell: "opened" | "resolved" | null };

export function nextIncident(current: IncidentState, active: boolean, now: Date): Transition {
  const open = current.openedAt !== null;
  if (active && !open) {
    const recent = current.resolvedAt !== null && now.getTime() - current.resolvedAt.getTime() < REOPEN_MS;
    if (recent && current.incident > 0) {
      // The same incident again: already told it opened (and resolved); say nothing new.
      return { state: { incident: current.incident, openedAt: now, resolvedAt: null }, tell: null };
    }
    return { state: { incident: current.incident + 1, openedAt: now, resolvedAt: null }, tell: "opened" };
  }
  if (!active && open) return { state: { ...current, openedAt: null, resolvedAt: now }, tell: "resolved" };
  return { state: current, tell: null };
}

/** The notification key of one side of one incident: the outbox sends each once. */
export function incidentKey(kind: string, incident: number, side: "opened" | "resolved"): string {
  return `alert:${kind}:${incident}:${side}`;
}
