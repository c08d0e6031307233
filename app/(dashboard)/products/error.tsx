"use client";

import { RefreshCw } from "lucide-react";
import { useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

export default function ProductsError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <Alert
      tone="error"
      title="Products didn't load"
      action={
        <Button size="sm" onClick={retry} leadingIcon={<RefreshCw />}>
          Try again
        </Button>
      }
    >
      Something went wrong on our side. Nothing was changed; stock changes already queued keep being sent.
      {digest ? <span className="ml-1 text-xs opacity-80">Reference {digest}.</span> : null}
    </Alert>
  );
}
