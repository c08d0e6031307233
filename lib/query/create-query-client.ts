import { QueryClient } from "@tanstack/react-query";

// One way to make a react-query client, for both sides of hydration (docs/code-style.md §15). Client-safe.

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Server components prefetch and hydrate; without a stale time the browser would refetch
        // everything the moment it hydrates. Live views set their own refetch interval.
        staleTime: 15_000,
        refetchOnWindowFocus: true,
        retry: 1,
      },
      mutations: {
        // A status change is not idempotent from the user's side: never resend silently.
        retry: false,
      },
    },
  });
}
