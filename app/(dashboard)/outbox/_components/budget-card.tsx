import { Gauge } from "lucide-react";
import { Card, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { BudgetViewDto } from "@/lib/outbox/schemas";
import { formatDuration } from "@/lib/format/dates";

const LABEL = {
  order_status: "Status changes",
  order_get: "Order reads",
  product_get: "Product reads",
  product_edit: "Product edits",
} as const satisfies Record<BudgetViewDto["bucket"], string>;
const USE = {
  order_status: "PUT /api/orders/{id}/status",
  order_get: "GET /api/orders/{id}: verifications, then refreshes",
  product_get: "GET /api/products/{id}: product reads and stock checks",
  product_edit: "PUT /api/products/{id}/edit: stock, prices, hide / show",
} as const satisfies Record<BudgetViewDto["bucket"], string>;

function windowName(ms: number): string {
  return ms === 60_000 ? "this minute" : `this ${formatDuration(ms)} window`;
}

function Meter({ budget, now }: { budget: BudgetViewDto; now: number }) {
  const blockedFor = budget.blockedUntil ? Date.parse(budget.blockedUntil) - now : 0;
  const resetsIn = budget.resetsAt ? Date.parse(budget.resetsAt) - now : 0;
  const open = resetsIn <= 0;
  const used = open ? 0 : budget.used;
  const share = Math.min(1, used / budget.limit);
  const blocked = blockedFor > 0;
  return (
    <div className="px-4 py-3.5" data-testid={`budget-${budget.bucket}`}>
      <div className="flex items-baseline justify-between gap-3">
        <p className="text-fg text-sm font-medium">{LABEL[budget.bucket]}</p>
        <p className="text-fg text-sm tabular-nums">
          <span className="font-semibold">{used}</span>
          <span className="text-fg-muted">/{budget.limit}</span>{" "}
          <span className="text-fg-muted">{windowName(budget.windowMs)}</span>
        </p>
      </div>
      <div
        className="bg-surface-3 mt-2 h-1.5 overflow-hidden rounded-full"
        role="meter"
        aria-label={`${LABEL[budget.bucket]} used ${windowName(budget.windowMs)}`}
        aria-valuemin={0}
        aria-valuemax={budget.limit}
        aria-valuenow={used}
      >
        <div
          className={cn(
            "h-full rounded-full transition-[width] duration-500",
            blocked ? "bg-red-500" : share >= 1 ? "bg-amber-500" : "bg-accent",
          )}
          style={{ width: `${blocked ? 100 : share * 100}%` }}
        />
      </div>
      <p className="text-fg-subtle mt-1.5 flex justify-between gap-3 text-xs">
        <span className="truncate">{USE[budget.bucket]}</span>
        <span className={cn("shrink-0 tabular-nums", blocked && "text-red-600 dark:text-red-400")}>
          {blocked
            ? `TribeMade asked us to wait ${formatDuration(blockedFor)}`
            : open
              ? `${budget.limit} available`
              : `resets in ${formatDuration(resetsIn)}`}
        </span>
      </p>
    </div>
  );
}

export function BudgetCard({ budgets, now }: { budgets: BudgetViewDto[]; now: number }) {
  const ordered = [...budgets].sort((a, b) => Object.keys(LABEL).indexOf(a.bucket) - Object.keys(LABEL).indexOf(b.bucket));
  return (
    <Card>
      <CardHeader
        title={
          <span className="inline-flex items-center gap-2">
            <Gauge className="text-fg-subtle size-4" aria-hidden="true" /> TribeMade rate limits
          </span>
        }
        description="Shared by every server: nothing is sent past the limit."
      />
      <div className="divide-line divide-y">
        {ordered.map((budget) => (
          <Meter key={budget.bucket} budget={budget} now={now} />
        ))}
      </div>
    </Card>
  );
}
