"use client";

import { useSyncExternalStore } from "react";

// The current time, ticking every second, so countdowns ("resets in 23 s") move between refetches.
// One timer for every caller; the server render (and hydration) use the overview's own `now`.

let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (listeners.size === 1) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, 1_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) clearInterval(timer);
  };
}

export function useNow(serverNow: string): number {
  return useSyncExternalStore(
    subscribe,
    () => now,
    () => Date.parse(serverNow),
  );
}
