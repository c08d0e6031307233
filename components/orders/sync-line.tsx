"use client";

import { AlertTriangle, Check, RefreshCw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Spinner } from "@/components/ui/spinner";

export type SyncLineProps = {
  sync: string;
  syncError: string | null;
  onRetry?: () => void;
  retrying?: boolean;
  className?: string;
};

/** Where the order's last status change is: on its way, at TribeMade, or refused (with TribeMade's words). */
export function SyncLine({ sync, syncError, onRetry, retrying, className }: SyncLineProps) {
  if (sync === "failed") {
    return (
      <div
        role="alert"
        data-testid="sync-line"
        data-sync="failed"
        className={cn(
          "flex flex-wrap items-start gap-x-3 gap-y-2 rounded-lg border border-red-200 bg-red-50 px-3 py-2 text-sm",
          "dark:border-red-400/25 dark:bg-red-400/10",
          className,
        )}
      >
        <AlertTriangle className="mt-0.5 size-4 shrink-0 text-red-600 dark:text-red-400" aria-hidden="true" />
        <div className="min-w-0 flex-1">
          <p className="font-medium text-red-800 dark:text-red-200">TribeMade did not take the last change</p>
          <p className="mt-0.5 break-words text-red-700 dark:text-red-300">
            {syncError ? <q>{syncError}</q> : "No reason given."}
          </p>
        </div>
        {onRetry ? (
          <Button size="sm" variant="secondary" onClick={onRetry} loading={retrying} leadingIcon={<RefreshCw />}>
            Retry
          </Button>
        ) : null}
      </div>
    );
  }
  if (sync === "pending") {
    return (
      <p data-testid="sync-line" data-sync="pending" className={cn("text-fg-muted flex items-center gap-2 text-sm", className)}>
        <Spinner size="sm" />
        Sending to TribeMade…
      </p>
    );
  }
  return (
    <p data-testid="sync-line" data-sync="synced" className={cn("text-fg-muted flex items-center gap-2 text-sm", className)}>
      <Check className="size-4 text-emerald-600 dark:text-emerald-400" aria-hidden="true" />
      TribeMade has this status
    </p>
  );
}
