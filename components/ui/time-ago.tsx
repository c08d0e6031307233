"use client";

import { useSyncExternalStore } from "react";

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

const absolute = new Intl.DateTimeFormat("en-IN", {
  dateStyle: "medium",
  timeStyle: "medium",
  timeZone: "Asia/Kolkata",
});
const shortDate = new Intl.DateTimeFormat("en-IN", { day: "numeric", month: "short", timeZone: "Asia/Kolkata" });
const shortDateYear = new Intl.DateTimeFormat("en-IN", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "Asia/Kolkata",
});

/** "just now", "45s ago", "12m ago", "3h ago", "2d ago", then a date ("12 Nov", "12 Nov 2025"). */
export function formatRelative(date: Date, reference: number): string {
  const seconds = Math.round((reference - date.getTime()) / 1000);
  if (seconds < -60) return absolute.format(date); // clock skew or a future date: show it plainly
  if (seconds < 10) return "just now";
  if (seconds < 60) return `${seconds}s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours}h ago`;
  const days = Math.floor(hours / 24);
  if (days < 7) return `${days}d ago`;
  const sameYear = new Date(reference).getFullYear() === date.getFullYear();
  return (sameYear ? shortDate : shortDateYear).format(date);
}

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
      title={`${absolute.format(value)} IST`}
      className={className}
      // Server and browser clocks differ by the time the page took to arrive.
      suppressHydrationWarning
    >
      {formatRelative(value, reference)}
    </time>
  );
}
