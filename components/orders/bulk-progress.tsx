"use client";

import { Undo2 } from "lucide-react";
import { orderRef } from "@/components/orders/order-ref";
import type { BulkProgress } from "@/components/orders/use-bulk-run";
import { Button } from "@/components/ui/button";
import type { BulkReceipt } from "@/lib/orders/actions";
import { etaMs, formatDuration } from "@/lib/orders/eta";
import type { StatusBudgetView } from "@/lib/orders/status-schemas";

const SHOWN = 20;

/** Live progress of a bulk change: how many TribeMade has, how long the rest takes, what failed or was skipped. */
export function BulkProgressView({
  receipt,
  progress,
  undone,
  budget,
  now,
  onUndo,
}: {
  receipt: BulkReceipt;
  progress: BulkProgress;
  undone: boolean;
  budget: StatusBudgetView | null;
  now: number;
  onUndo: () => void;
}) {
  const undoUntil = Date.parse(receipt.undoUntil);
  const canUndo = !undone && now < undoUntil && progress.total > 0;
  const refOf = new Map(receipt.changed.map((c) => [c.orderId, orderRef(c.tribemadeOrderId)]));
  // Whole seconds, rounded up like the Undo countdown beside it.
  const left =
    progress.pending === 0
      ? 0
      : etaMs({
          count: progress.pending,
          queuedAhead: Math.max(0, (budget?.queued ?? progress.pending) - progress.pending),
          budget: budget?.budget ?? null,
          now,
          delayMs: Math.max(0, undoUntil - now),
        });
  const share = progress.total === 0 ? 1 : (progress.sent + progress.failed.length) / progress.total;

  return (
    <div className="grid gap-4" data-testid="bulk-progress">
      {undone ? (
        <p className="text-fg-muted text-sm">Undone. Orders that had already gone to TribeMade keep their new status.</p>
      ) : (
        <div className="grid gap-2">
          <div className="flex items-baseline justify-between gap-3">
            <p className="text-fg text-sm font-medium tabular-nums" aria-live="polite">
              {progress.pending === 0
                ? `All ${progress.total.toLocaleString("en-IN")} sent to TribeMade`
                : `${progress.sent.toLocaleString("en-IN")} of ${progress.total.toLocaleString("en-IN")} at TribeMade`}
            </p>
            <p className="text-fg-muted text-xs tabular-nums">
              {progress.pending === 0
                ? "Finished"
                : left < 1_000
                  ? "Sending now"
                  : `about ${formatDuration(Math.ceil(left / 1000) * 1000)} left`}
            </p>
          </div>
          <div
            role="progressbar"
            aria-label="Sent to TribeMade"
            aria-valuemin={0}
            aria-valuemax={progress.total}
            aria-valuenow={progress.sent + progress.failed.length}
            className="bg-surface-3 h-2 overflow-hidden rounded-full"
          >
            <div className="bg-accent h-full rounded-full transition-[width] duration-500" style={{ width: `${share * 100}%` }} />
          </div>
          {canUndo ? (
            <div className="flex items-center gap-3">
              <Button size="sm" variant="secondary" leadingIcon={<Undo2 />} onClick={onUndo}>
                Undo all
              </Button>
              <span className="text-fg-muted text-xs tabular-nums">
                {Math.ceil((undoUntil - now) / 1000)} s before the first ones are sent
              </span>
            </div>
          ) : null}
        </div>
      )}

      {progress.failed.length > 0 ? (
        <OrderList
          title={`TribeMade refused ${progress.failed.length}`}
          tone="error"
          items={progress.failed.map((row) => ({
            key: row.id,
            ref: refOf.get(row.id) ?? "",
            text: row.syncError ?? "No reason given.",
          }))}
        />
      ) : null}
      {receipt.skipped.length > 0 ? (
        <OrderList
          title={`Skipped ${receipt.skipped.length}`}
          tone="muted"
          items={receipt.skipped.map((s) => ({ key: s.orderId, ref: orderRef(s.tribemadeOrderId), text: s.reason }))}
        />
      ) : null}
      {receipt.truncated ? (
        <p className="text-xs text-amber-800 dark:text-amber-300">
          More than 1,000 orders matched: these are the newest 1,000. Run it again for the rest.
        </p>
      ) : null}
      {receipt.missing > 0 ? (
        <p className="text-fg-muted text-xs">{receipt.missing} selected orders are no longer in this store.</p>
      ) : null}
      {receipt.unmatchedRefs.length > 0 ? (
        <p className="text-xs text-amber-800 dark:text-amber-300">
          Lines that matched no selected order (or more than one): {receipt.unmatchedRefs.join(", ")}
        </p>
      ) : null}
    </div>
  );
}

function OrderList({
  title,
  tone,
  items,
}: {
  title: string;
  tone: "error" | "muted";
  items: Array<{ key: string; ref: string; text: string }>;
}) {
  return (
    <section className="grid gap-1.5">
      <h3 className={tone === "error" ? "text-sm font-medium text-red-700 dark:text-red-300" : "text-fg text-sm font-medium"}>
        {title}
      </h3>
      <ul className="border-line divide-line max-h-48 divide-y overflow-y-auto rounded-lg border text-xs">
        {items.slice(0, SHOWN).map((item) => (
          <li key={item.key} className="flex gap-3 px-3 py-1.5">
            <span className="text-fg shrink-0 font-mono">{item.ref}</span>
            <span className="text-fg-muted min-w-0 break-words">{item.text}</span>
          </li>
        ))}
        {items.length > SHOWN ? <li className="text-fg-subtle px-3 py-1.5">…and {items.length - SHOWN} more</li> : null}
      </ul>
    </section>
  );
}
