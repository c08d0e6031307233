"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { CloseIcon } from "@/components/ui/icons";

const widths = { sm: "max-w-sm", md: "max-w-lg", lg: "max-w-2xl" } as const;

export type DialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** Buttons, right-aligned under the body. */
  footer?: ReactNode;
  size?: keyof typeof widths;
  /** Whether a click on the backdrop closes it (Escape always does). Turn off for forms with input. */
  closeOnBackdrop?: boolean;
  className?: string;
};

/**
 * A modal on the native `<dialog>`: focus is trapped and restored, the page behind is inert, Escape
 * closes, all by the browser. Controlled: the parent owns `open`.
 */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
  footer,
  size = "md",
  closeOnBackdrop = true,
  className,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // The browser focuses the first focusable element, the close button; the first field (or an
      // element marked autoFocus) is where the user wants to be.
      dialog.querySelector<HTMLElement>("[autofocus], [data-autofocus], input:not([type=hidden]), textarea, select")?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      onClose={() => onOpenChange(false)}
      onClick={(event) => {
        // The dialog box fills with an inner div, so a click on the <dialog> itself is the backdrop.
        if (closeOnBackdrop && event.target === event.currentTarget) onOpenChange(false);
      }}
      className={cn(
        "border-line bg-surface text-fg open:animate-dialog-in m-auto w-[calc(100%-2rem)] rounded-xl border p-0 shadow-2xl",
        widths[size],
        className,
      )}
    >
      {open ? (
        <div className="flex max-h-[85dvh] flex-col">
          <div className="flex items-start justify-between gap-4 px-5 pt-4 pb-3">
            <div className="min-w-0">
              <h2 id={titleId} className="text-fg text-base font-semibold">
                {title}
              </h2>
              {description ? (
                <p id={descriptionId} className="text-fg-muted mt-1 text-sm">
                  {description}
                </p>
              ) : null}
            </div>
            <Button variant="ghost" size="icon-sm" aria-label="Close" onClick={() => onOpenChange(false)} className="-mr-1.5">
              <CloseIcon />
            </Button>
          </div>
          {children ? <div className="min-h-0 flex-1 overflow-y-auto px-5 pb-4 text-sm">{children}</div> : null}
          {footer ? (
            <div className="border-line bg-surface-2/50 flex flex-wrap items-center justify-end gap-2 rounded-b-xl border-t px-5 py-3">
              {footer}
            </div>
          ) : null}
        </div>
      ) : null}
    </dialog>
  );
}
