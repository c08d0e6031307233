"use client";

import { useEffect, useRef, useState } from "react";

/** Typing pauses this long before the search runs. */
const SEARCH_DEBOUNCE_MS = 250;

/**
 * A search box whose query lives in the URL (the orders feed, the deliveries inspector): the text
 * follows what is typed at once, the URL a pause later (`commit`). When the URL changes, the box
 * takes it only if the change came from elsewhere (back button, "Clear"): our own write arriving
 * late must not wipe what was typed meanwhile.
 */
export function useUrlSearch(urlQuery: string | undefined, commit: (query: string | undefined) => void) {
  const [text, setText] = useState(urlQuery ?? "");
  const [seen, setSeen] = useState(urlQuery);
  const [sent, setSent] = useState(urlQuery);
  if (seen !== urlQuery) {
    setSeen(urlQuery);
    if (urlQuery !== sent) {
      setSent(urlQuery);
      setText(urlQuery ?? "");
    }
  }
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  function onType(value: string) {
    setText(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const query = value.trim() || undefined;
      setSent(query);
      commit(query);
    }, SEARCH_DEBOUNCE_MS);
  }

  return [text, onType] as const;
}
