"use client";

import { useSyncExternalStore } from "react";

// The one clock for views that show time passing: relative times, "over 24 h" flags, countdowns,
// the outbox's "next attempt in". One timer per tick length for the whole page, however many rows
// read it, and a fresh reading when the tab is shown again (background tabs throttle timers). The
// server render and hydration read `serverNow` when the caller has the data's own time, else now
// rounded down to the tick, so both sides usually agree.

type Clock = { now: number; subscribe: (listener: () => void) => () => void; read: () => number };

const clocks = new Map<number, Clock>();

function clock(everyMs: number): Clock {
  const existing = clocks.get(everyMs);
  if (existing) return existing;
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | undefined;
  const tick = () => {
    created.now = Date.now();
    for (const listener of listeners) listener();
  };
  const onVisible = () => {
    if (document.visibilityState === "visible") tick();
  };
  const created: Clock = {
    now: Date.now(),
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) {
        created.now = Date.now();
        timer = setInterval(tick, everyMs);
        document.addEventListener("visibilitychange", onVisible);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        clearInterval(timer);
        document.removeEventListener("visibilitychange", onVisible);
      };
    },
    read: () => created.now,
  };
  clocks.set(everyMs, created);
  return created;
}

/** Now, in ms, re-read every `everyMs` (use a few fixed lengths: each is one timer per page). */
export function useClock(everyMs: number, serverNow?: number): number {
  const { subscribe, read } = clock(everyMs);
  return useSyncExternalStore(subscribe, read, () => serverNow ?? Math.floor(Date.now() / everyMs) * everyMs);
}
