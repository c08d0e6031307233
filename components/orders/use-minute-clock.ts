"use client";

import { useSyncExternalStore } from "react";

// "Now" to the minute, for "over 24 h" flags: one clock shared by every row, ticking once a minute,
// and the same value on the server and in the browser's first render (no hydration mismatch).

const MINUTE = 60_000;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  timer ??= setInterval(() => listeners.forEach((notify) => notify()), MINUTE);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const now = () => Math.floor(Date.now() / MINUTE) * MINUTE;

export function useMinuteClock(): number {
  return useSyncExternalStore(subscribe, now, now);
}
