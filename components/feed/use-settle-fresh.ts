"use client";

import { useEffect } from "react";

/** How long a row that arrived live stays highlighted. */
const FRESH_MS = 4_000;

/** Ends the highlight of rows that arrived live, FRESH_MS after they did (both feeds' reducers take "settle"). */
export function useSettleFresh(fresh: Set<string>, dispatch: (action: { type: "settle"; ids: string[] }) => void) {
  useEffect(() => {
    if (fresh.size === 0) return;
    const ids = [...fresh];
    const timer = setTimeout(() => dispatch({ type: "settle", ids }), FRESH_MS);
    return () => clearTimeout(timer);
  }, [fresh, dispatch]);
}
