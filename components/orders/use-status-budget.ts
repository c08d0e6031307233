"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchJson } from "@/lib/http/fetch-json";
import { orderKeys } from "@/lib/orders/keys";
import { statusBudgetViewSchema, type StatusBudgetView } from "@/lib/orders/status-schemas";

async function fetchBudget(signal: AbortSignal): Promise<StatusBudgetView & { offset: number }> {
  const view = await fetchJson("/api/orders/budget", statusBudgetViewSchema, { signal });
  // Countdowns run on the browser's clock corrected to the server's.
  return { ...view, offset: view.now - Date.now() };
}

/** The store's TribeMade status budget, re-read every few seconds while something shows it. */
export function useStatusBudget(storeId: string, { fast = false }: { fast?: boolean } = {}) {
  return useQuery({
    queryKey: orderKeys.statusBudget(storeId),
    queryFn: ({ signal }) => fetchBudget(signal),
    refetchInterval: fast ? 2_000 : 5_000,
    staleTime: 1_000,
  });
}
