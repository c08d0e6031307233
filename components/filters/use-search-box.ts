"use client";

import { useEffect, useRef, useState } from "react";

/**
 * A filter bar's search box: the typed text shows at once and is committed (trimmed, "" as undefined)
 * after a pause; it follows the URL's q when that changes elsewhere (back button, "Clear").
 */
export function useSearchBox(q: string | undefined, commit: (q: string | undefined) => void, debounceMs: number) {
  const [search, setSearch] = useState(q ?? "");
  const [urlQ, setUrlQ] = useState(q);
  if (urlQ !== q) {
    setUrlQ(q);
    setSearch(q ?? "");
  }
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  function onSearch(value: string) {
    setSearch(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => commit(value.trim() || undefined), debounceMs);
  }

  return [search, onSearch] as const;
}
