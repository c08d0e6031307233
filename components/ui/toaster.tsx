"use client";

import { Toaster as Sonner } from "sonner";
import { useTheme } from "@/components/shell/theme-provider";

/** The one toast region (sonner), in the app's colours and theme; `toast()` from "sonner" anywhere. */
export function Toaster() {
  const { resolved } = useTheme();
  return (
    <Sonner
      theme={resolved}
      position="bottom-right"
      closeButton
      toastOptions={{
        classNames: {
          toast: "!bg-surface !text-fg !border-line !shadow-lg !rounded-lg",
          description: "!text-fg-muted",
          actionButton: "!bg-accent !text-white",
          cancelButton: "!bg-surface-2 !text-fg",
        },
      }}
    />
  );
}
