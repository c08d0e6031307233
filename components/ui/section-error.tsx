"use client";

import { useEffect } from "react";
import { RotateCwIcon } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/**
 * A section of a page failed to render on the server; the page header and tabs above stay usable.
 * Server errors reach the browser without their message, only a digest that matches the server log.
 */
export function SectionError({ error, retry, what }: { error: unknown; retry: () => void; what: string }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <Alert
      tone="error"
      title={`${what} didn't load`}
      action={
        <Button size="sm" onClick={retry} leadingIcon={<RotateCwIcon />}>
          Try again
        </Button>
      }
    >
      Something went wrong on our side. Nothing was changed.
      {digest ? <span className="ml-1 text-xs opacity-80">Reference {digest}.</span> : null}
    </Alert>
  );
}
