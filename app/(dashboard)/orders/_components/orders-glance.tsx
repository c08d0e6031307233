"use client";

import { AlertTriangle, ArrowUpRight, Inbox, IndianRupee, RefreshCcw } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { FiguresSkeleton } from "@/components/ui/page-skeleton";
import { formatCount, formatMoney } from "@/lib/format/numbers";
import type { OrderFilters, OrderGlanceDto } from "@/lib/orders/schemas";

// Home at a glance, above the feed: today in IST, the work waiting, and anything broken. The
// waiting and failed figures are shortcuts to the filter that lists them.

type Stat = {
  label: string;
  value: ReactNode;
  detail: ReactNode;
  icon: ReactNode;
  tone?: "amber" | "red";
  /** Applies a filter (button) or leaves the page (link). */
  onClick?: () => void;
  href?: string;
};

export function OrdersGlance({
  glance,
  onFilter,
}: {
  glance: OrderGlanceDto | null;
  onFilter: (patch: Partial<OrderFilters>) => void;
}) {
  if (!glance) return <GlanceSkeleton />;
  const stats: Stat[] = [
    {
      label: "Today (IST)",
      value: formatCount(glance.today.orders),
      detail: `${formatMoney(glance.today.revenue)} since midnight`,
      icon: <IndianRupee />,
      onClick: () => onFilter({ range: "today", from: undefined, to: undefined, status: undefined }),
    },
    {
      label: "To process",
      value: formatCount(glance.toProcess),
      detail: glance.overdue > 0 ? `${formatCount(glance.overdue)} waiting over 24 h` : "None over 24 h",
      icon: <Inbox />,
      tone: glance.overdue > 0 ? "amber" : undefined,
      onClick: () => onFilter({ status: "started" }),
    },
    {
      label: "Sync failed",
      value: formatCount(glance.failedSyncs),
      detail: glance.failedSyncs > 0 ? "TribeMade refused them" : "All synced",
      icon: <RefreshCcw />,
      tone: glance.failedSyncs > 0 ? "red" : undefined,
      onClick: () => onFilter({ sync: "failed", status: undefined }),
    },
    {
      label: "Outbox",
      value: formatCount(glance.deadMessages),
      detail: glance.deadMessages > 0 ? "Gave up: retry them" : "Nothing stuck",
      icon: <AlertTriangle />,
      tone: glance.deadMessages > 0 ? "red" : undefined,
      href: "/outbox",
    },
  ];
  return (
    <section aria-label="At a glance" className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      {stats.map((stat) => (
        <StatCard key={stat.label} stat={stat} />
      ))}
    </section>
  );
}

function StatCard({ stat }: { stat: Stat }) {
  const body = (
    <>
      <span className="text-fg-muted flex items-center justify-between gap-2 text-xs font-medium">
        {stat.label}
        <span
          className={cn(
            "[&_svg]:size-3.5",
            stat.tone === "amber" && "text-amber-600 dark:text-amber-400",
            stat.tone === "red" && "text-red-600 dark:text-red-400",
            !stat.tone && "text-fg-subtle",
          )}
          aria-hidden="true"
        >
          {stat.href ? <ArrowUpRight /> : stat.icon}
        </span>
      </span>
      <span className="text-fg mt-1 block text-xl font-semibold tracking-tight tabular-nums">{stat.value}</span>
      <span
        className={cn(
          "mt-0.5 block truncate text-xs",
          stat.tone === "amber"
            ? "text-amber-700 dark:text-amber-300"
            : stat.tone === "red"
              ? "text-red-700 dark:text-red-300"
              : "text-fg-subtle",
        )}
      >
        {stat.detail}
      </span>
    </>
  );
  const classes =
    "border-line bg-surface hover:border-line-strong hover:bg-surface-2/60 block rounded-lg border px-3.5 py-3 text-left shadow-xs transition-colors";
  if (stat.href) {
    return (
      <Link href={stat.href} className={classes}>
        {body}
      </Link>
    );
  }
  return (
    <button type="button" onClick={stat.onClick} className={classes}>
      {body}
    </button>
  );
}

export function GlanceSkeleton() {
  return <FiguresSkeleton cardClassName="px-3.5 py-3" />;
}
