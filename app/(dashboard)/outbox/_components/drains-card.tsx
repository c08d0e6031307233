import { Activity } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { TimeAgo } from "@/components/ui/time-ago";
import type { DrainRunDto, OutboxOverviewDto } from "@/lib/outbox/schemas";
import { triggerLabel } from "./labels";
import { RunsChart } from "./runs-chart";
import { formatCount } from "@/lib/format/numbers";

const DAY_MS = 24 * 60 * 60 * 1000;

function RunLine({ label, run, empty }: { label: string; run: DrainRunDto | null; empty: string }) {
  return (
    <div className="grid gap-1 px-4 py-3 sm:grid-cols-[9rem_1fr] sm:gap-4">
      <dt className="text-fg-muted text-sm">{label}</dt>
      <dd className="text-fg flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 text-sm">
        {run ? (
          <>
            <TimeAgo date={run.startedAt} className="font-medium" />
            <Badge tone="neutral">{triggerLabel(run.trigger)}</Badge>
            <span className="text-fg-subtle text-xs tabular-nums">
              {formatCount(run.ms)} ms
              {run.totals ? ` · ${run.totals.done} done, ${run.totals.retried} retried, ${run.totals.dead} dead` : ""}
            </span>
          </>
        ) : (
          <span className="text-fg-subtle">{empty}</span>
        )}
      </dd>
    </div>
  );
}

export function DrainsCard({ overview, now }: { overview: OutboxOverviewDto; now: number }) {
  const scheduled = overview.lastScheduledRun;
  const stale = !scheduled || now - Date.parse(scheduled.startedAt) > 1.5 * DAY_MS;
  return (
    <Card>
      <CardHeader
        title={
          <span className="inline-flex items-center gap-2">
            <Activity className="text-fg-subtle size-4" aria-hidden="true" /> Drains
          </span>
        }
        description="What sent the queue, and when."
      />
      <dl className="divide-line border-line divide-y border-b">
        <RunLine label="Last drain" run={overview.lastRun} empty="No drain has run yet" />
        <RunLine label="Last scheduled" run={scheduled} empty="No cron or external run yet" />
      </dl>
      {stale ? (
        <p className="text-fg-muted border-line border-b px-4 py-2.5 text-xs">
          No scheduled drain in the last day. Writes and open dashboards still drain; for retries while nobody is here, see the
          README&apos;s Vercel section (daily cron on Hobby, every minute on Pro, or the GitHub Actions workflow).
        </p>
      ) : null}
      <div className="p-4">
        <RunsChart hours={overview.hours} />
      </div>
    </Card>
  );
}
