"use client";

import { useMemo, useState } from "react";
import { toast } from "sonner";
import { BulkProgressView } from "@/components/orders/bulk-progress";
import { BulkTrackingField, type BulkTrackingValue } from "@/components/orders/bulk-tracking-field";
import { rememberedCourier } from "@/components/orders/dispatch-dialog";
import { QuotaMeter, useServerClock } from "@/components/orders/quota-meter";
import { useBulkRun } from "@/components/orders/use-bulk-run";
import { useStatusBudget } from "@/components/orders/use-status-budget";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { etaMs, formatEta } from "@/lib/orders/eta";
import type { OrderFilters } from "@/lib/orders/schemas";
import { MAX_BULK_ORDERS } from "@/lib/orders/status-schemas";
import { parseTrackingList, refMatches } from "@/lib/orders/tracking-list";
import { transitionRefusal, type OrderStatus, type TargetStatus } from "@/lib/orders/transitions";

/** An order as the bulk action sees it: a selected feed row (or one loaded for "all matching"). */
export type BulkOrder = { id: string; tribemadeOrderId: string; status: string; version: number };

const TITLE: Record<TargetStatus, (n: string) => string> = {
  processing: (n) => `Mark ${n} processing`,
  dispatched: (n) => `Mark ${n} dispatched`,
  delivered: (n) => `Mark ${n} delivered`,
  cancelled: (n) => `Cancel ${n}`,
};

const count = (n: number) => `${n.toLocaleString("en-IN")} ${n === 1 ? "order" : "orders"}`;

/** What the action applies to: rows picked in the feed, or every order matching its filter. */
export type BulkTarget =
  | { kind: "rows"; orders: BulkOrder[] }
  /** Resolved on the server (the newest 1,000); `count` when the feed knows it. */
  | { kind: "filter"; filters: OrderFilters; count: number | null };

export type BulkDialogProps = {
  storeId: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  status: TargetStatus;
  target: BulkTarget;
  /** After a successful run is closed (e.g. clear the selection). */
  onFinished?: () => void;
};

/**
 * Confirm, then watch: the count, which orders will be skipped and why, and the ETA at TribeMade's
 * 20 a minute against the budget left ("38 orders: about 1 min 54 s"); for dispatch, the pasted
 * tracking list. After sending: live progress, failures with TribeMade's words, Undo while it works.
 */
export function BulkDialog({ storeId, open, onOpenChange, status, target, onFinished }: BulkDialogProps) {
  const orders = useMemo(() => (target.kind === "rows" ? target.orders : []), [target]);
  const fromFilter = target.kind === "filter";
  const { run, progress, start, undo, reset } = useBulkRun(storeId);
  const budget = useStatusBudget(storeId, { fast: run.phase === "running" });
  const now = useServerClock(budget.data?.offset ?? 0);
  const [tracking, setTracking] = useState<BulkTrackingValue>(() => ({
    text: "",
    courier: rememberedCourier(),
    withoutTracking: false,
  }));

  const eligible = orders.filter((order) => transitionRefusal(order.status as OrderStatus, status) === null);
  const skippedByReason = useMemo(() => {
    const groups = new Map<string, number>();
    for (const order of orders) {
      const reason = transitionRefusal(order.status as OrderStatus, status);
      if (reason) groups.set(reason, (groups.get(reason) ?? 0) + 1);
    }
    return [...groups];
  }, [orders, status]);

  const lines = useMemo(
    () => (status === "dispatched" ? parseTrackingList(tracking.text, tracking.courier) : []),
    [status, tracking.text, tracking.courier],
  );
  const links = lines.filter((line): line is Extract<typeof line, { url: string }> => "url" in line);
  const unmatched = links
    .filter((line) => !eligible.some((order) => refMatches(line.ref, order.tribemadeOrderId)))
    .map((l) => l.ref);
  const withLink = eligible.filter((order) => links.some((line) => refMatches(line.ref, order.tribemadeOrderId))).length;
  // "All matching": the server knows which can move; until then the count is the estimate.
  const sending =
    target.kind === "filter"
      ? Math.min(MAX_BULK_ORDERS, status === "dispatched" && !tracking.withoutTracking ? links.length : (target.count ?? 0))
      : status === "dispatched" && !tracking.withoutTracking
        ? withLink
        : eligible.length;
  const unknownCount = target.kind === "filter" && target.count === null;

  const eta = budget.data
    ? etaMs({ count: sending, queuedAhead: budget.data.queued, budget: budget.data.budget, now })
    : etaMs({ count: sending, budget: null, now });

  function close(next: boolean) {
    if (next) return onOpenChange(true);
    const finished = run.phase === "running";
    reset();
    onOpenChange(false);
    if (finished) onFinished?.();
  }

  async function confirm() {
    const selection =
      target.kind === "filter"
        ? { filters: target.filters }
        : { orders: eligible.map((order) => ({ id: order.id, version: order.version })) };
    await start({
      status,
      ...selection,
      tracking: Object.fromEntries(links.map((line) => [line.ref, line.url])),
      dispatchWithoutTracking: tracking.withoutTracking,
    });
  }

  async function undoAll() {
    const result = await undo();
    if (!result) return;
    if (result.message) toast.error(result.message);
    else
      toast.success(`Undone: ${count(result.undone)}`, {
        description:
          result.tooLate > 0 ? `${count(result.tooLate)} had already gone to TribeMade.` : "Nothing was sent to TribeMade.",
      });
  }

  const running = run.phase === "running";
  const title = TITLE[status](
    running
      ? count(run.receipt.changed.length)
      : unknownCount
        ? "all matching orders"
        : count(fromFilter ? (target.count ?? 0) : eligible.length),
  );
  return (
    <Dialog
      open={open}
      onOpenChange={close}
      closeOnBackdrop={!running && run.phase !== "sending"}
      size="lg"
      title={title}
      description={running ? undefined : "TribeMade emails each customer about the change."}
      footer={
        running ? (
          <Button variant="primary" onClick={() => close(false)}>
            Done
          </Button>
        ) : (
          <>
            <Button variant="secondary" onClick={() => close(false)}>
              Back
            </Button>
            <Button
              variant={status === "cancelled" ? "danger" : "primary"}
              loading={run.phase === "sending"}
              disabled={sending === 0 && !unknownCount}
              onClick={() => void confirm()}
              data-testid="bulk-confirm"
            >
              {TITLE[status](unknownCount ? "all matching" : count(sending))}
            </Button>
          </>
        )
      }
    >
      {running && progress ? (
        <BulkProgressView
          receipt={run.receipt}
          progress={progress}
          undone={run.undone}
          budget={budget.data ?? null}
          now={now}
          onUndo={() => void undoAll()}
        />
      ) : (
        <div className="grid gap-4">
          <div className="border-line bg-surface-2/50 grid gap-1.5 rounded-lg border px-3.5 py-3">
            <p className="text-fg text-base font-semibold tabular-nums" data-testid="bulk-eta">
              {unknownCount
                ? "The time depends on how many match: shown once they are queued"
                : sending === 0
                  ? "Nothing to send"
                  : formatEta(sending, eta)}
            </p>
            <p className="text-fg-muted text-xs">
              TribeMade takes 20 status changes a minute per store; Tribedesk queues the rest and sends them as the budget frees
              up. Until then each one can be undone.
            </p>
            <QuotaMeter storeId={storeId} />
          </div>
          {skippedByReason.length > 0 ? (
            <Alert tone="warning" title={`${count(orders.length - eligible.length)} will be skipped`}>
              <ul className="mt-1 grid gap-0.5">
                {skippedByReason.map(([reason, n]) => (
                  <li key={reason}>
                    {count(n)}: {reason}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : null}
          {fromFilter ? (
            <p className="text-fg-muted text-xs">
              Every order matching your filters, up to the newest {MAX_BULK_ORDERS.toLocaleString("en-IN")}. Orders that cannot
              move (or that someone changes meanwhile) are skipped and listed afterwards.
            </p>
          ) : null}
          {status === "dispatched" ? (
            <BulkTrackingField
              value={tracking}
              onChange={setTracking}
              lines={lines}
              unmatched={unmatched}
              withoutLine={target.kind === "rows" ? eligible.length - withLink : 0}
            />
          ) : null}
          {status === "cancelled" ? (
            <p className="text-sm text-red-700 dark:text-red-300">
              Cancelled orders cannot be reopened. Refunds go through your payment gateway, not TribeMade.
            </p>
          ) : null}
          {run.phase === "failed" ? <Alert tone="error">{run.message}</Alert> : null}
        </div>
      )}
    </Dialog>
  );
}
