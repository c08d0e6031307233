"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { fetchSyncStates } from "@/components/orders/fetch-sync-states";
import { useOrderCache } from "@/components/orders/use-order-cache";
import { bulkChangeStatus, undoStatusChanges, type BulkReceipt } from "@/lib/orders/actions";
import { orderKeys } from "@/lib/orders/keys";
import type { BulkStatusInput, SyncStateView } from "@/lib/orders/status-schemas";

// One bulk action from click to finish: send it, patch the feed's rows, then poll the changed
// orders' sync states (every 2 s) until each is at TribeMade or refused; Undo while the window is open.

export type BulkRun =
  | { phase: "idle" }
  | { phase: "sending" }
  | { phase: "failed"; message: string }
  | { phase: "running"; receipt: BulkReceipt; undone: boolean };

export type BulkProgress = {
  total: number;
  sent: number;
  failed: SyncStateView[];
  pending: number;
};

export function useBulkRun(storeId: string) {
  const cache = useOrderCache();
  const [run, setRun] = useState<BulkRun>({ phase: "idle" });
  const changedIds = run.phase === "running" && !run.undone ? run.receipt.changed.map((c) => c.orderId) : [];

  const states = useQuery({
    queryKey: orderKeys.syncStates(storeId, changedIds),
    enabled: changedIds.length > 0,
    staleTime: 0,
    queryFn: async ({ signal }) => {
      const rows = await fetchSyncStates(changedIds, signal);
      for (const row of rows) cache.patch(row.id, row);
      return rows;
    },
    refetchInterval: (query) => {
      const rows = query.state.data;
      return !rows || rows.some((row) => row.sync === "pending") ? 2_000 : false;
    },
  });

  const start = useCallback(
    async (input: BulkStatusInput) => {
      setRun({ phase: "sending" });
      const result = await bulkChangeStatus(input);
      if (!result.ok) {
        setRun({ phase: "failed", message: result.error.message });
        return;
      }
      for (const change of result.data.changed) {
        cache.patch(change.orderId, {
          status: change.status,
          version: change.version,
          sync: "pending",
          syncError: null,
          trackingUrl: change.trackingUrl,
        });
      }
      setRun({ phase: "running", receipt: result.data, undone: false });
    },
    [cache],
  );

  const undo = useCallback(async () => {
    if (run.phase !== "running") return null;
    const changes = run.receipt.changed.map((c) => ({ orderId: c.orderId, version: c.version }));
    const result = await undoStatusChanges({ changes });
    void cache.refetch();
    if (!result.ok) return { undone: 0, tooLate: 0, message: result.error.message };
    const undone = result.data.filter((r) => r.outcome === "undone").length;
    setRun({ ...run, undone: true });
    return { undone, tooLate: result.data.length - undone, message: null };
  }, [cache, run]);

  const reset = useCallback(() => setRun({ phase: "idle" }), []);

  let progress: BulkProgress | null = null;
  if (run.phase === "running") {
    const rows = states.data ?? [];
    const total = run.receipt.changed.length;
    const failed = rows.filter((row) => row.sync === "failed");
    const pending = rows.length === 0 ? total : rows.filter((row) => row.sync === "pending").length;
    progress = { total, sent: total - pending - failed.length, failed, pending };
  }
  return { run, progress, start, undo, reset };
}
