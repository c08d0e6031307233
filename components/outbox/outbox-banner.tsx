"use client";

import { useQuery } from "@tanstack/react-query";
import { KeyRound } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { buttonClasses } from "@/components/ui/button";
import { fetchJson } from "@/lib/http/fetch-json";
import { outboxKeys } from "@/lib/outbox/keys";
import { outboxStatusSchema, type OutboxStatusDto } from "@/lib/outbox/schemas";

// On every dashboard page: tells the store's people when TribeMade rejected the API key (the
// outbox is paused until an owner replaces it). Its poll is also a signed-in request, which
// drains due work (retries, refreshes) while the dashboard is open, on any hosting plan.

const POLL_MS = 20_000;

export function OutboxBanner({ storeId, initial }: { storeId: string; initial: OutboxStatusDto }) {
  const status = useQuery({
    queryKey: outboxKeys.status(storeId),
    queryFn: ({ signal }) => fetchJson("/api/outbox/status", outboxStatusSchema, { signal }),
    initialData: initial,
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
  });
  const pathname = usePathname();
  const paused = status.data?.paused;
  // /outbox says it in its own words, with the queue beside it.
  if (!paused || pathname === "/outbox") return null;
  return (
    <div
      role="alert"
      className="mb-6 flex flex-wrap items-center gap-x-4 gap-y-2 rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-950 dark:border-red-400/25 dark:bg-red-400/10 dark:text-red-100"
      data-testid="outbox-paused-banner"
    >
      <KeyRound className="size-4 shrink-0 text-red-600 dark:text-red-300" aria-hidden="true" />
      <p className="min-w-0 flex-1">
        <span className="font-medium">TribeMade rejected this store&apos;s API key.</span> Verifications and status changes are
        paused, and nothing is lost:{" "}
        {status.data.canReplaceKey ? "replace the key and they go out within seconds." : "ask an owner to replace the key."}
      </p>
      {status.data.canReplaceKey ? (
        <Link href="/settings/api-key" className={buttonClasses({ size: "sm", variant: "danger" })}>
          Replace the key
        </Link>
      ) : (
        <Link href="/outbox" className="underline underline-offset-2">
          See the outbox
        </Link>
      )}
    </div>
  );
}
