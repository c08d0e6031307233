"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { RotateCwIcon } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { deliveryMetricsSchema } from "@/lib/webhooks/schemas";
import { webhookKeys } from "@/lib/webhooks/keys";
import { errorMessage, fetchJson } from "@/lib/http/fetch-json";
import { HourlyChart } from "./hourly-chart";
import { RefusedCard } from "./refused-card";
import { formatCount, formatMs } from "@/lib/format/numbers";
import { reasonLabel } from "@/lib/webhooks/reasons";

/** Metrics move slowly; every 10 s keeps them current without competing with the deliveries feed. */
const METRICS_INTERVAL_MS = 10_000;
/** TribeMade gives up on a delivery after 5 s. */
const TRIBEMADE_TIMEOUT_MS = 5_000;

function Stat({ label, value, hint, href }: { label: string; value: number; hint?: ReactNode; href?: string }) {
  const number = <span className="text-fg text-2xl font-semibold tracking-tight tabular-nums">{formatCount(value)}</span>;
  return (
    <Card className="p-4">
      <p className="text-fg-muted text-xs font-medium">{label}</p>
      <p className="mt-1">
        {href ? (
          <Link href={href} className="hover:underline">
            {number}
          </Link>
        ) : (
          number
        )}
      </p>
      {hint ? <p className="text-fg-subtle mt-0.5 text-xs">{hint}</p> : null}
    </Card>
  );
}

function share(part: number, total: number): string {
  return total === 0 ? "—" : `${Math.round((part / total) * 100)}% of all`;
}

export function MetricsView({ storeId }: { storeId: string }) {
  const metrics = useQuery({
    queryKey: webhookKeys.metrics(storeId),
    queryFn: ({ signal }) => fetchJson("/api/deliveries/metrics", deliveryMetricsSchema, { signal }),
    refetchInterval: METRICS_INTERVAL_MS,
  });
  if (!metrics.data) {
    return metrics.isError ? (
      <Alert
        tone="error"
        title="Metrics didn't load"
        action={
          <Button size="sm" leadingIcon={<RotateCwIcon />} onClick={() => void metrics.refetch()}>
            Try again
          </Button>
        }
      >
        {errorMessage(metrics.error)}
      </Alert>
    ) : null;
  }
  const { totals, hours, reasons, ack, refused } = metrics.data;
  const total = totals.accepted + totals.duplicate + totals.rejected;
  const topReason = reasons[0]?.count ?? 0;

  return (
    <div className="grid gap-4" data-testid="webhook-metrics">
      {metrics.isError ? <Alert tone="warning">Showing the last figures: {errorMessage(metrics.error)}</Alert> : null}
      <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Stat
          label="Deliveries, last 24 h"
          value={total}
          hint={totals.replays > 0 ? `incl. ${totals.replays} replays` : "from TribeMade"}
          href="/webhooks?range=24h"
        />
        <Stat
          label="Accepted"
          value={totals.accepted}
          hint={share(totals.accepted, total)}
          href="/webhooks?range=24h&outcome=accepted"
        />
        <Stat
          label="Duplicate"
          value={totals.duplicate}
          hint={share(totals.duplicate, total)}
          href="/webhooks?range=24h&outcome=duplicate"
        />
        <Stat
          label="Rejected"
          value={totals.rejected}
          hint={share(totals.rejected, total)}
          href="/webhooks?range=24h&outcome=rejected"
        />
      </div>
      <RefusedCard refused={refused} />
      <Card>
        <CardHeader title="Deliveries per hour" description="The last 24 hours, by outcome." />
        <div className="p-4">
          <HourlyChart hours={hours} />
        </div>
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader title="Time to ack" description="Server-side, from the first byte read to the commit; replays excluded." />
          <div className="divide-line grid grid-cols-3 divide-x">
            {(["p50", "p95", "p99"] as const).map((key) => (
              <div key={key} className="px-4 py-4">
                <p className="text-fg-muted text-xs font-medium uppercase">{key}</p>
                <p className="text-fg mt-1 text-xl font-semibold tabular-nums">{formatMs(ack[key])}</p>
              </div>
            ))}
          </div>
          <p className="border-line text-fg-subtle border-t px-4 py-2.5 text-xs">
            {ack.samples === 0
              ? "No deliveries in the last 24 hours."
              : `${formatCount(ack.samples)} deliveries, slowest ${formatMs(ack.max)}. TribeMade gives up after ${TRIBEMADE_TIMEOUT_MS / 1000} s.`}
          </p>
        </Card>
        <Card>
          <CardHeader title="Rejection reasons" description="Why deliveries were refused in the last 24 hours." />
          {reasons.length === 0 ? (
            <p className="text-fg-muted px-4 py-4 text-sm">
              {total === 0
                ? "Nothing received in the last 24 hours."
                : "Nothing rejected: every delivery carried a valid order.created payload."}
            </p>
          ) : (
            <ul className="divide-line divide-y">
              {reasons.map((row) => (
                <li key={row.reason}>
                  <Link
                    href={`/webhooks?outcome=rejected&reason=${encodeURIComponent(row.reason)}`}
                    className="hover:bg-surface-2/60 grid grid-cols-[1fr_auto] items-center gap-x-3 gap-y-1 px-4 py-2.5"
                  >
                    <span className="text-fg text-sm">
                      {reasonLabel(row.reason)} <code className="text-fg-subtle ml-1 font-mono text-xs">{row.reason}</code>
                    </span>
                    <span className="text-fg text-sm tabular-nums">{formatCount(row.count)}</span>
                    <span className="bg-surface-3 col-span-2 h-1 rounded-full">
                      <span
                        className="block h-1 rounded-full bg-red-500 dark:bg-red-400"
                        style={{ width: `${(row.count / topReason) * 100}%` }}
                      />
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
