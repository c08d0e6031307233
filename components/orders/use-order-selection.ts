"use client";

import { useCallback, useMemo, useState } from "react";
import type { OrderFilters } from "@/lib/orders/schemas";

// The feed's row selection, for bulk actions (components/orders/bulk-slot.tsx and the status
// buttons that fill it): individual rows, or "all N matching the filter" — then the action works
// on the filter, not on the ids loaded in the browser (a filter can match more rows than are
// loaded). The selection is dropped when the filter changes: a selection the merchant can no
// longer see is one they did not mean.

export type OrderSelection = {
  /** Ids ticked one by one (when `allMatching` is false). */
  ids: ReadonlySet<string>;
  /** Every order matching `filters`, loaded or not. */
  allMatching: boolean;
  /** The filter the selection belongs to. */
  filters: OrderFilters;
  /** How many orders the selection covers (for "all matching", the count the caller knows, if any). */
  count: number | null;
  isSelected: (id: string) => boolean;
  toggle: (id: string) => void;
  /** Ticks or unticks every id given (the header checkbox: the loaded rows). */
  setMany: (ids: string[], selected: boolean) => void;
  selectAllMatching: () => void;
  clear: () => void;
};

export function useOrderSelection(filters: OrderFilters, matchingCount: number | null): OrderSelection {
  const key = JSON.stringify(filters);
  const [state, setState] = useState<{ key: string; ids: Set<string>; allMatching: boolean }>({
    key,
    ids: new Set(),
    allMatching: false,
  });

  const toggle = useCallback(
    (id: string) =>
      setState((previous) => {
        const base = previous.key === key ? previous : { key, ids: new Set<string>(), allMatching: false };
        const ids = new Set(base.ids);
        if (ids.has(id)) ids.delete(id);
        else ids.add(id);
        return { key, ids, allMatching: false };
      }),
    [key],
  );
  const setMany = useCallback(
    (list: string[], selected: boolean) =>
      setState((previous) => {
        const base = previous.key === key ? previous : { key, ids: new Set<string>(), allMatching: false };
        const ids = new Set(base.ids);
        for (const id of list) {
          if (selected) ids.add(id);
          else ids.delete(id);
        }
        return { key, ids, allMatching: false };
      }),
    [key],
  );
  const selectAllMatching = useCallback(() => setState({ key, ids: new Set(), allMatching: true }), [key]);
  const clear = useCallback(() => setState({ key, ids: new Set(), allMatching: false }), [key]);

  return useMemo(() => {
    // A new filter starts with nothing selected (derived during render, no effect needed).
    const current = state.key === key ? state : { key, ids: new Set<string>(), allMatching: false };
    return {
      ids: current.ids,
      allMatching: current.allMatching,
      filters,
      count: current.allMatching ? matchingCount : current.ids.size,
      isSelected: (id: string) => current.allMatching || current.ids.has(id),
      toggle,
      setMany,
      selectAllMatching,
      clear,
    };
  }, [state, key, filters, matchingCount, toggle, setMany, selectAllMatching, clear]);
}
