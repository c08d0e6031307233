"use client";

import { AlertDialog } from "radix-ui";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

export type CancelConfirmProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** "order #3f2a9c1e" or "12 orders". */
  what: string;
  /** Who TribeMade will email, for one order. */
  customerName?: string;
  onConfirm: () => void;
  children?: ReactNode;
};

/**
 * Cancelling is final at TribeMade and emails the customer, so it asks first (role alertdialog:
 * focus starts on "Keep", Escape keeps the order).
 */
export function CancelConfirm({ open, onOpenChange, what, customerName, onConfirm, children }: CancelConfirmProps) {
  const plural = !customerName;
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="bg-overlay animate-fade-in fixed inset-0 z-50" />
        <AlertDialog.Content
          className={cn(
            "border-line bg-surface text-fg animate-dialog-in fixed top-1/2 left-1/2 z-50 w-[calc(100%-2rem)] max-w-md",
            "-translate-x-1/2 -translate-y-1/2 rounded-xl border shadow-2xl focus:outline-none",
          )}
        >
          <div className="px-5 pt-4 pb-3">
            <AlertDialog.Title className="text-base font-semibold">Cancel {what}?</AlertDialog.Title>
            <AlertDialog.Description className="text-fg-muted mt-1.5 text-sm">
              {plural
                ? "TribeMade emails each customer that their order is cancelled."
                : `TribeMade emails ${customerName} that the order is cancelled.`}{" "}
              A cancelled order cannot be reopened, and refunds go through your payment gateway, not TribeMade.
            </AlertDialog.Description>
            {children}
          </div>
          <div className="border-line bg-surface-2/50 flex flex-wrap justify-end gap-2 rounded-b-xl border-t px-5 py-3">
            <AlertDialog.Cancel className={buttonClasses({ variant: "secondary" })}>
              Keep {plural ? "them" : "order"}
            </AlertDialog.Cancel>
            <AlertDialog.Action className={buttonClasses({ variant: "danger" })} onClick={onConfirm}>
              Cancel {plural ? what : "order"}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
