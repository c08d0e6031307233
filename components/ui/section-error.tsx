"use client";

import { useEffect } from "react";
import { RotateCwIcon } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export type SectionErrorProps = {
  error: unknown;
  retry: () => void;
  /** Names what failed: "Products", "This order" (the title reads "Products didn't load"). */
  what: string;
  /** What keeps going regardless, after "Nothing was changed" ("queued messages keep being sent"). */
  detail?: string;
};

/**
 * A section of a page failed to render on the server; the page header and tabs above stay usable.
 * Every dashboard segment's error.tsx is this with its own words. Server errors reach the browser
 * without their message, only a digest that matches the server log.
 */
export function SectionError({ error, retry, what, detail }: SectionErrorProps) {
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
      Something went wrong on our side. Nothing was changed{detail ? `; ${detail}` : ""}.
      {digest ? <span className="ml-1 text-xs opacity-80">Reference {digest}.</span> : null}
    </Alert>
  );
}
