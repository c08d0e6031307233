"use client";

import { isServer, QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { ThemeProvider } from "@/components/shell/theme-provider";
import { IconDefaults } from "@/components/ui/icon-defaults";
import { createQueryClient } from "@/lib/query/create-query-client";

let browserClient: QueryClient | undefined;

// One client per server request, one for the browser's lifetime (TanStack's App Router pattern),
// so a Suspense boundary that suspends during the first render cannot throw the cache away.
function getQueryClient() {
  if (isServer) return createQueryClient();
  browserClient ??= createQueryClient();
  return browserClient;
}

export function Providers({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient();
  return (
    <ThemeProvider>
      <QueryClientProvider client={queryClient}>
        <IconDefaults>{children}</IconDefaults>
      </QueryClientProvider>
    </ThemeProvider>
  );
}
