"use client";

import { isServer, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ThemeProvider } from "@/components/shell/theme-provider";

function makeQueryClient() {
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

let browserClient: QueryClient | undefined;

// One client per server request, one for the browser's lifetime (TanStack's App Router pattern),
// so a Suspense boundary that suspends during the first render cannot throw the cache away.
function getQueryClient() {
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}

export function Providers({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  return (
    <ThemeProvider>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </ThemeProvider>
  );
}
