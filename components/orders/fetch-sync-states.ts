"use client";

import { fetchJson } from "@/lib/http/fetch-json";
import { syncStatesSchema, type SyncStateView } from "@/lib/orders/status-schemas";

/** How often a change being sent is re-read: fast enough that "synced" shows within ~2 s. */
export const SYNC_POLL_MS = 1_500;

/** The status and sync state of the store's orders among `ids` (bulk progress, a click's result). */
export async function fetchSyncStates(ids: readonly string[], signal?: AbortSignal): Promise<SyncStateView[]> {
  return (await fetchJson("/api/orders/sync-states", syncStatesSchema, { signal, body: { ids } })).orders;
}
