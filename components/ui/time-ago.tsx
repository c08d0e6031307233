"use client";

import { useClock } from "@/components/ui/use-clock";
import { formatMedium, formatRelative } from "@/lib/format/dates";

/** Relative times move on every 30 s, all of them on one shared clock. */
const TICK_MS = 30_000;

export type TimeAgoProps = {
  date: Date | string | number;
  className?: string;
};

/** A relative time that refreshes every 30 s; hover shows the absolute time in IST. */
export function TimeAgo({ date, className }: TimeAgoProps) {
  const reference = useClock(TICK_MS);
  const value = date instanceof Date ? date : new Date(date);
  if (Number.isNaN(value.getTime())) return <span className={className}>—</span>;
  return (
    <time
      dateTime={value.toISOString()}
      title={`${formatMedium(value)} IST`}
      className={className}
      // Server and browser clocks differ by the time the page took to arrive.
      suppressHydrationWarning
    >
      {formatRelative(value, reference)}
    </time>
  );
}
