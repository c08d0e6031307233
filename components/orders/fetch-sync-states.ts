"use client";

import type { SyncStateView } from "@/lib/orders/status-schemas";

/** How often a change being sent is re-read: fast enough that "synced" shows within ~2 s. */
export const SYNC_POLL_MS = 1_500;

/** The status and sync state of the store's orders among `ids` (bulk progress, a click's result). */
export async function fetchSyncStates(ids: readonly string[], signal?: AbortSignal): Promise<SyncStateView[]> {
  const response = await fetch("/api/orders/sync-states", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ ids }),
    signal,
  });
  if (!response.ok) throw new Error(`sync-states answered ${response.status}`);
  return ((await response.json()) as { orders: SyncStateView[] }).orders;
}
