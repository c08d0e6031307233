"use client";

import { useEffect } from "react";

/** Registers /sw.js (public/sw.js): the offline page, push notifications and their taps. Renders nothing. */
export function ServiceWorker() {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
      // Private windows and some embedded browsers refuse workers: the app works without one.
    });
  }, []);
  return null;
}
