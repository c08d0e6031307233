"use client";

import { Toaster as Sonner } from "sonner";
import { useTheme } from "@/components/shell/theme-provider";

/**
 * The app's one toast outlet (sonner), themed with the app's tokens. Bottom-right on desktop,
 * bottom on phones, where the thumb is; actions (Undo, Retry) are real buttons, reachable with
 * the keyboard (sonner's hotkey Alt+T focuses the toasts).
 */
export function Toaster() {
  const { resolved } = useTheme();
  return (
    <Sonner
      theme={resolved}
      position="bottom-right"
      closeButton
      toastOptions={{
        classNames: {
          toast: "!bg-surface !text-fg !border-line !shadow-lg !rounded-lg !text-sm",
          description: "!text-fg-muted",
          actionButton: "!bg-accent !text-white !font-medium",
          cancelButton: "!bg-surface-2 !text-fg",
          closeButton: "!bg-surface !text-fg-muted !border-line",
        },
      }}
    />
  );
}
