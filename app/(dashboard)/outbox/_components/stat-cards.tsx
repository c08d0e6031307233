import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { OutboxOverviewDto } from "@/lib/outbox/schemas";
import { formatDuration } from "@/lib/format/dates";
import { formatCount } from "@/lib/format/numbers";

function Stat({ label, value, hint, tone }: { label: string; value: number; hint: ReactNode; tone?: "red" }) {
  return (
    <Card className="p-4">
      <p className="text-fg-muted text-xs font-medium">{label}</p>
      <p
        className={cn(
          "mt-1 text-2xl font-semibold tracking-tight tabular-nums",
          tone === "red" && value > 0 ? "text-red-600 dark:text-red-400" : "text-fg",
        )}
      >
        {formatCount(value)}
      </p>
      <p className="text-fg-subtle mt-0.5 truncate text-xs">{hint}</p>
    </Card>
  );
}

export function StatCards({ overview, now }: { overview: OutboxOverviewDto; now: number }) {
  const sum = (key: "pending" | "leased" | "dead" | "done24h") => overview.depth.reduce((total, row) => total + row[key], 0);
  const oldest = overview.oldestPendingAt ? now - Date.parse(overview.oldestPendingAt) : null;
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="outbox-stats">
      <Stat
        label="Waiting"
        value={sum("pending")}
        hint={oldest === null ? "Nothing queued" : `Oldest queued ${formatDuration(oldest)} ago`}
      />
      <Stat label="Sending now" value={sum("leased")} hint="Claimed by a drain" />
      <Stat
        label="Dead letters"
        value={overview.deadTotal}
        tone="red"
        hint={overview.deadTotal > 0 ? "Need a retry or a discard" : "None"}
      />
      <Stat label="Done, last 24 h" value={sum("done24h")} hint="Sent and confirmed" />
    </div>
  );
}
