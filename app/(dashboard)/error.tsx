"use client";

import { useEffect } from "react";
import { RotateCwIcon, TriangleAlertIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";

export default function DashboardError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);

  // Server errors reach the browser without their message (Next.js hides it), only a digest that
  // matches the server log line.
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;

  return (
    <EmptyState
      className="mt-4"
      icon={<TriangleAlertIcon className="text-amber-600 dark:text-amber-400" />}
      title="This page could not be loaded"
      description="Something went wrong while loading this page. Try again; if it keeps happening, the reference below matches the line in the server log."
      action={
        <>
          <Button variant="primary" leadingIcon={<RotateCwIcon />} onClick={() => retry()}>
            Try again
          </Button>
          {digest ? (
            <span className="text-fg-subtle inline-flex items-center gap-1.5 text-xs">
              Reference <code className="text-fg-muted font-mono">{digest}</code>
              <CopyButton value={digest} iconOnly label="Copy reference" variant="ghost" />
            </span>
          ) : null}
        </>
      }
    />
  );
}
