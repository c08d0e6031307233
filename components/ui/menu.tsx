"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { CheckIcon } from "@/components/ui/icons";

export type MenuEntry =
  | {
      type?: "item";
      label: ReactNode;
      icon?: ReactNode;
      /** A link item; otherwise give onSelect. */
      href?: string;
      onSelect?: () => void;
      danger?: boolean;
      disabled?: boolean;
      /** Marks the current choice (e.g. the selected store). */
      checked?: boolean;
    }
  | { type: "separator" }
  | { type: "label"; label: ReactNode };

export type MenuProps = {
  /** Content of the trigger button. */
  trigger: ReactNode;
  triggerLabel?: string;
  triggerClassName?: string;
  items: MenuEntry[];
  /** Free content at the top of the panel (e.g. who is signed in). */
  header?: ReactNode;
  align?: "start" | "end";
  className?: string;
};

/** A dropdown menu (WAI-ARIA menu button): arrows move, Escape closes and returns focus, a click
 * outside or Tab closes. */
export function Menu({ trigger, triggerLabel, triggerClassName, items, header, align = "start", className }: MenuProps) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  const itemNodes = () =>
    Array.from(panelRef.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])') ?? []);

  useEffect(() => {
    if (!open) return;
    itemNodes()[0]?.focus();
    function onPointerDown(event: PointerEvent) {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  function close(restoreFocus: boolean) {
    setOpen(false);
    if (restoreFocus) triggerRef.current?.focus();
  }

  function onPanelKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const nodes = itemNodes();
    const index = nodes.indexOf(document.activeElement as HTMLElement);
    let next: HTMLElement | undefined;
    if (event.key === "ArrowDown") next = nodes[(index + 1) % nodes.length];
    else if (event.key === "ArrowUp") next = nodes[(index - 1 + nodes.length) % nodes.length];
    else if (event.key === "Home") next = nodes[0];
    else if (event.key === "End") next = nodes[nodes.length - 1];
    else if (event.key === "Escape") {
      event.preventDefault();
      close(true);
      return;
    } else if (event.key === "Tab") {
      setOpen(false);
      return;
    }
    if (next) {
      event.preventDefault();
      next.focus();
    }
  }

  const itemClass = (danger?: boolean, disabled?: boolean) =>
    cn(
      "flex w-full items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm outline-hidden select-none [&_svg]:size-4 [&_svg]:shrink-0",
      danger ? "text-red-600 focus:bg-red-50 dark:text-red-400 dark:focus:bg-red-400/10" : "text-fg focus:bg-surface-2",
      "hover:bg-surface-2",
      disabled && "pointer-events-none opacity-50",
    );

  return (
    <div ref={rootRef} className={cn("relative", className)}>
      <button
        ref={triggerRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={triggerLabel}
        onClick={() => setOpen((value) => !value)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
        className={triggerClassName}
      >
        {trigger}
      </button>
      {open ? (
        <div
          ref={panelRef}
          id={menuId}
          role="menu"
          onKeyDown={onPanelKeyDown}
          className={cn(
            "border-line bg-surface animate-fade-in absolute top-full z-50 mt-1.5 max-h-[70dvh] min-w-56 overflow-y-auto rounded-lg border p-1 shadow-lg",
            align === "end" ? "right-0" : "left-0",
          )}
        >
          {header ? <div className="border-line mb-1 border-b px-2 pt-1.5 pb-2">{header}</div> : null}
          {items.map((entry, index) => {
            if (entry.type === "separator") return <div key={index} role="separator" className="bg-line -mx-1 my-1 h-px" />;
            if (entry.type === "label")
              return (
                <div key={index} className="text-fg-subtle px-2 pt-1.5 pb-1 text-xs font-medium">
                  {entry.label}
                </div>
              );
            const role = entry.checked === undefined ? "menuitem" : "menuitemradio";
            const inner = (
              <>
                {entry.icon ?? (entry.checked !== undefined ? <span className="size-4" /> : null)}
                <span className="min-w-0 flex-1 truncate">{entry.label}</span>
                {entry.checked ? <CheckIcon className="text-accent-text size-4" /> : null}
              </>
            );
            if (entry.href && !entry.disabled) {
              return (
                <Link
                  key={index}
                  href={entry.href}
                  role={role}
                  aria-checked={entry.checked}
                  tabIndex={-1}
                  className={itemClass(entry.danger)}
                  onClick={() => setOpen(false)}
                >
                  {inner}
                </Link>
              );
            }
            return (
              <button
                key={index}
                type="button"
                role={role}
                aria-checked={entry.checked}
                tabIndex={-1}
                aria-disabled={entry.disabled || undefined}
                className={itemClass(entry.danger, entry.disabled)}
                onClick={() => {
                  if (entry.disabled) return;
                  close(true);
                  entry.onSelect?.();
                }}
              >
                {inner}
              </button>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}
