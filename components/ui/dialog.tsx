"use client";

import { XIcon } from "lucide-react";
import { Dialog as Primitive } from "radix-ui";
import { useRef, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";

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
 * A modal on Radix's Dialog: focus trapped and restored, the page behind inert and unscrollable,
 * Escape closes. Radix rather than the native <dialog>: menus and popovers opened inside it render
 * in a portal, which the native dialog's top layer would cover. Controlled: the parent owns `open`.
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
  const contentRef = useRef<HTMLDivElement>(null);
  return (
    <Primitive.Root open={open} onOpenChange={onOpenChange}>
      <Primitive.Portal>
        <Primitive.Overlay className="bg-overlay data-[state=open]:animate-fade-in fixed inset-0 z-50" />
        <Primitive.Content
          ref={contentRef}
          // Without a description there is nothing to point at (and Radix would warn).
          {...(description ? {} : { "aria-describedby": undefined })}
          onOpenAutoFocus={(event) => {
            // Radix focuses the first focusable element, the close button; the first field (or an
            // element marked data-autofocus) is where the user wants to be.
            const field = contentRef.current?.querySelector<HTMLElement>(
              "[data-autofocus], input:not([type=hidden]), textarea, select",
            );
            if (!field) return;
            event.preventDefault();
            field.focus();
          }}
          onInteractOutside={(event) => {
            if (!closeOnBackdrop) event.preventDefault();
          }}
          className={cn(
            "border-line bg-surface text-fg data-[state=open]:animate-dialog-in fixed inset-0 z-50 m-auto flex h-fit max-h-[85dvh] w-[calc(100%-2rem)] flex-col rounded-xl border shadow-2xl outline-hidden",
            widths[size],
            className,
          )}
        >
          <div className="flex items-start justify-between gap-4 px-5 pt-4 pb-3">
            <div className="min-w-0">
              <Primitive.Title className="text-fg text-base font-semibold">{title}</Primitive.Title>
              {description ? (
                <Primitive.Description className="text-fg-muted mt-1 text-sm">{description}</Primitive.Description>
              ) : null}
            </div>
            <Primitive.Close asChild>
              <Button variant="ghost" size="icon-sm" aria-label="Close" className="-mr-1.5">
                <XIcon />
              </Button>
            </Primitive.Close>
          </div>
          {children ? <div className="min-h-0 flex-1 overflow-y-auto px-5 pb-4 text-sm">{children}</div> : null}
          {footer ? (
            <div className="border-line bg-surface-2/50 flex flex-wrap items-center justify-end gap-2 rounded-b-xl border-t px-5 py-3">
              {footer}
            </div>
          ) : null}
        </Primitive.Content>
      </Primitive.Portal>
    </Primitive.Root>
  );
}
