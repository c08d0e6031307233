"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { RefreshIcon } from "@/components/ui/icons";

/** Shown when a settings section failed to load (the tabs above stay usable). */
export function SettingsError({ retry }: { retry: () => void }) {
  return (
    <Alert
      tone="error"
      title="Settings didn't load"
      action={
        <Button size="sm" onClick={retry} leadingIcon={<RefreshIcon />}>
          Try again
        </Button>
      }
    >
      Something went wrong while loading this section. Nothing was changed.
    </Alert>
  );
}
