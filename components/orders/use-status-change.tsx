"use client";

import { useQuery } from "@tanstack/react-query";
import { useCallback, useState } from "react";
import { toast } from "sonner";
import { orderRef } from "@/components/orders/order-ref";
import { UndoCountdown } from "@/components/orders/undo-countdown";
import { useOrderCache } from "@/components/orders/use-order-cache";
import { fetchSyncStates, SYNC_POLL_MS } from "@/components/orders/fetch-sync-states";
import { changeOrderStatus, retryStatusPush, undoStatusChange } from "@/lib/orders/actions";
import { orderKeys } from "@/lib/orders/keys";
import type { OrderPatch } from "@/lib/orders/patch-order";
import { trackingInputSchema, type TrackingInput } from "@/lib/orders/status-schemas";
import type { TargetStatus } from "@/lib/orders/transitions";

// A status click, end to end in the browser: the order changes everywhere on screen at once
// (optimistic), the toast offers Undo until the push may leave, then the order's sync state is
// polled until TribeMade has it ("synced") or refused it (the failure, TribeMade's words, Retry).

/** What the buttons need to know about an order (a feed row or the order page has all of it). */
export type StatusTarget = {
  id: string;
  tribemadeOrderId: string;
  status: string;
  version: number;
  sync: string;
  syncError: string | null;
  trackingUrl: string | null;
  customerName: string;
};

const DONE: Record<TargetStatus, string> = {
  processing: "Marked processing",
  dispatched: "Marked dispatched",
  delivered: "Marked delivered",
  cancelled: "Cancelled",
};

/** Stop watching a change after this long; the feed's live updates take over. */
const WATCH_FOR_MS = 10 * 60_000;

export function useStatusChange(storeId: string) {
  const cache = useOrderCache();
  // Orders whose last change is on its way, with when the watch began; polled until settled.
  const [watched, setWatched] = useState<Record<string, { since: number; ref: string }>>({});
  const [pending, setPending] = useState<Set<string>>(new Set());
  const watchedIds = Object.keys(watched).sort();

  const watch = useCallback((orderId: string, ref: string) => {
    setWatched((current) => ({ ...current, [orderId]: { since: Date.now(), ref } }));
  }, []);

  const busy = useCallback(
    (orderId: string, on: boolean) =>
      setPending((current) => {
        const next = new Set(current);
        if (on) next.add(orderId);
        else next.delete(orderId);
        return next;
      }),
    [],
  );

  const retry = useCallback(
    async (orderId: string, version: number, ref: string) => {
      busy(orderId, true);
      cache.patch(orderId, { sync: "pending", syncError: null });
      const result = await retryStatusPush({ orderId, version });
      busy(orderId, false);
      if (!result.ok) {
        toast.error(result.error.message, { id: `sync-${orderId}` });
        void cache.refetch();
        return;
      }
      cache.patch(orderId, { version: result.data.version });
      toast(`Sending ${ref} to TribeMade again`, { id: `sync-${orderId}`, duration: 3_000 });
      watch(orderId, ref);
    },
    [busy, cache, watch],
  );

  // Each poll patches the cached orders and settles the ones TribeMade has answered for.
  useQuery({
    queryKey: orderKeys.syncStates(storeId, watchedIds),
    enabled: watchedIds.length > 0,
    refetchInterval: SYNC_POLL_MS,
    staleTime: 0,
    queryFn: async ({ signal }) => {
      const states = await fetchSyncStates(watchedIds, signal);
      const settled: string[] = [];
      for (const order of states) {
        cache.patch(order.id, order);
        const entry = watched[order.id];
        if (!entry) continue;
        if (order.sync === "failed") {
          toast.error(`TribeMade refused ${entry.ref}`, {
            id: `sync-${order.id}`,
            description: order.syncError ?? "No reason given.",
            duration: 15_000,
            action: { label: "Retry", onClick: () => void retry(order.id, order.version, entry.ref) },
          });
        }
        if (order.sync !== "pending" || Date.now() - entry.since > WATCH_FOR_MS) settled.push(order.id);
      }
      if (settled.length > 0) {
        setWatched((current) => Object.fromEntries(Object.entries(current).filter(([id]) => !settled.includes(id))));
      }
      return states;
    },
  });

  const undo = useCallback(
    async (orderId: string, version: number, ref: string, before: OrderPatch) => {
      const result = await undoStatusChange({ orderId, version });
      // A toast of its own: sonner is still closing the one whose Undo was clicked, and an update
      // to a closing toast can be dropped.
      toast.dismiss(`status-${orderId}`);
      if (!result.ok) {
        toast.error(result.error.message, { id: `undo-${orderId}` });
        return;
      }
      cache.patch(orderId, { ...before, status: result.data.status, version: result.data.version });
      toast.success(`Undone: ${ref} is ${result.data.status} again`, {
        id: `undo-${orderId}`,
        description: "Nothing was sent to TribeMade.",
        duration: 4_000,
      });
      void cache.refetch();
    },
    [cache],
  );

  const change = useCallback(
    async (order: StatusTarget, status: TargetStatus, tracking: TrackingInput = { kind: "none" }) => {
      const ref = orderRef(order.tribemadeOrderId);
      const before: OrderPatch = cache.read(order.id) ?? {
        status: order.status,
        version: order.version,
        sync: order.sync,
        syncError: order.syncError,
        trackingUrl: order.trackingUrl,
      };
      const parsed = trackingInputSchema.safeParse(tracking);
      const link = parsed.success ? parsed.data : null;
      busy(order.id, true);
      cache.patch(order.id, { status, sync: "pending", syncError: null, ...(link ? { trackingUrl: link } : {}) });
      try {
        const result = await changeOrderStatus({ orderId: order.id, version: order.version, status, tracking });
        if (!result.ok) {
          cache.patch(order.id, before);
          toast.error(result.error.message, { id: `status-${order.id}`, duration: 8_000 });
          if (result.error.code === "conflict" || result.error.code === "invalid_transition") void cache.refetch();
          return null;
        }
        const receipt = result.data;
        cache.patch(order.id, { status: receipt.status, version: receipt.version, trackingUrl: receipt.trackingUrl });
        const until = Date.parse(receipt.undoUntil);
        toast.success(`${DONE[status]}: ${ref}`, {
          id: `status-${order.id}`,
          description: <UndoCountdown until={until} customerName={order.customerName} />,
          duration: Math.max(1_000, until - Date.now()),
          action: { label: "Undo", onClick: () => void undo(order.id, receipt.version, ref, before) },
        });
        watch(order.id, ref);
        return receipt;
      } finally {
        busy(order.id, false);
      }
    },
    [busy, cache, undo, watch],
  );

  return { change, retry, pending, watching: watchedIds };
}
