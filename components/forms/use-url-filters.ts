"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";

export type HistoryMode = "push" | "replace";

/**
 * A list page's filters kept in its URL (shareable, survives reload): read through useSearchParams,
 * written with the history API (no server round trip; useSearchParams follows). A patch applies to
 * the filters in the URL at call time, so a late debounced search never undoes a select.
 */
export function useUrlFilters<Filters>(options: {
  path: string;
  parse: (params: URLSearchParams) => Filters;
  toParams: (filters: Filters) => URLSearchParams;
  /** Whether a change adds a history entry (Back undoes it) unless the caller says otherwise. */
  history: HistoryMode;
}) {
  const { path, parse, toParams, history } = options;
  const searchParams = useSearchParams();
  const filters = useMemo(() => parse(new URLSearchParams(searchParams.toString())), [parse, searchParams]);
  const setFilters = useCallback(
    (patch: Partial<Filters>, mode: HistoryMode = history) => {
      const query = toParams({ ...parse(new URLSearchParams(window.location.search)), ...patch }).toString();
      const url = query ? `${path}?${query}` : path;
      if (mode === "push") window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
    },
    [history, parse, path, toParams],
  );
  return [filters, setFilters] as const;
}
