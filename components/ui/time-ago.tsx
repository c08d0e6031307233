"use client";

import { useSyncExternalStore } from "react";
import { formatMedium, formatRelative } from "@/lib/format/dates";

// One shared clock for every <TimeAgo> on the page: a feed of 200 rows runs one timer, not 200.
const TICK_MS = 30_000;
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function tick() {
  now = Date.now();
  for (const listener of listeners) listener();
}

function onVisible() {
  if (document.visibilityState === "visible") tick();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (listeners.size === 1) {
    now = Date.now();
    timer = setInterval(tick, TICK_MS);
    document.addEventListener("visibilitychange", onVisible);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    }
  };
}

const getNow = () => now;
// The server renders with its current time (whole seconds, so repeated calls in one render agree);
// hydration reuses the time this module loaded in the browser, then the shared clock takes over.
const getServerNow = () => (typeof window === "undefined" ? Math.floor(Date.now() / 1000) * 1000 : now);

export type TimeAgoProps = {
  date: Date | string | number;
  className?: string;
};

/** A relative time that refreshes every 30 s; hover shows the absolute time in IST. */
export function TimeAgo({ date, className }: TimeAgoProps) {
  const reference = useSyncExternalStore(subscribe, getNow, getServerNow);
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
