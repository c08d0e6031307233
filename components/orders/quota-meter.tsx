"use client";

import { Tooltip } from "radix-ui";
import { useStatusBudget } from "@/components/orders/use-status-budget";
import { cn } from "@/components/ui/cn";
import { useClock } from "@/components/ui/use-clock";
import { describeBudget } from "@/lib/orders/eta";

/** The server's now, ticking every second for countdowns: the browser's clock plus its offset. */
export function useServerClock(offset = 0): number {
  return useClock(1_000) + offset;
}

/**
 * The store's TribeMade status budget beside the status buttons: "14/20 this minute, resets in
 * 23 s". TribeMade allows 20 status changes a minute per store; Tribedesk queues the rest.
 */
export function QuotaMeter({ storeId, className }: { storeId: string; className?: string }) {
  const { data, isError } = useStatusBudget(storeId);
  const now = useServerClock(data?.offset ?? 0);

  if (isError && !data) {
    return <span className={cn("text-fg-subtle text-xs", className)}>Budget unavailable</span>;
  }
  if (!data) {
    return <span aria-hidden="true" className={cn("bg-surface-2 inline-block h-4 w-44 animate-pulse rounded", className)} />;
  }
  const { budget, queued } = data;
  const blocked = budget.blockedUntil !== null && budget.blockedUntil > now;
  const open = budget.resetsAt !== null && budget.resetsAt > now;
  const used = blocked ? budget.limit : open ? budget.used : 0;
  const share = Math.min(1, used / budget.limit);
  const text = describeBudget(budget, now);

  return (
    <Tooltip.Provider delayDuration={300}>
      <Tooltip.Root>
        <Tooltip.Trigger asChild>
          <span
            tabIndex={0}
            data-testid="quota-meter"
            className={cn("text-fg-muted inline-flex min-w-0 items-center gap-2 rounded text-xs tabular-nums", className)}
          >
            <span
              role="meter"
              aria-label="TribeMade status changes used this minute"
              aria-valuemin={0}
              aria-valuemax={budget.limit}
              aria-valuenow={used}
              className="bg-surface-3 relative h-1.5 w-14 shrink-0 overflow-hidden rounded-full"
            >
              <span
                className={cn(
                  "absolute inset-y-0 left-0 rounded-full transition-[width] duration-300",
                  blocked ? "bg-red-500" : share >= 0.75 ? "bg-amber-500" : "bg-accent",
                )}
                style={{ width: `${share * 100}%` }}
              />
            </span>
            <span className="truncate">{text}</span>
            {queued > 0 ? <span className="text-fg-subtle shrink-0">· {queued.toLocaleString("en-IN")} queued</span> : null}
          </span>
        </Tooltip.Trigger>
        <Tooltip.Portal>
          <Tooltip.Content
            sideOffset={6}
            className="border-line bg-surface text-fg-muted z-50 max-w-64 rounded-md border px-2.5 py-1.5 text-xs shadow-lg"
          >
            TribeMade accepts 20 status changes a minute per store. Tribedesk sends yours as the budget allows and queues the
            rest, so none is lost or rejected.
          </Tooltip.Content>
        </Tooltip.Portal>
      </Tooltip.Root>
    </Tooltip.Provider>
  );
}
