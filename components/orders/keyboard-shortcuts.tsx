"use client";

import { Fragment, useEffect, useRef } from "react";
import { Dialog } from "@/components/ui/dialog";
import { Kbd } from "@/components/ui/kbd";
import { FEED_SHORTCUTS, feedShortcut, type FeedAction } from "@/lib/orders/shortcuts";

export type FeedShortcutHandlers = Partial<Record<FeedAction, () => void>>;

// An open menu counts too: its type-ahead letters (p, d, x…) and Enter are the menu's, not the feed's.
function dialogIsOpen(): boolean {
  return document.querySelector("dialog[open], [role='alertdialog'], [role='dialog'][data-state='open'], [role='menu']") !== null;
}

/**
 * The feed's keys (j/k move, x select, Enter open, p processing, d dispatch, / search, ? help),
 * on the whole document while the feed is mounted. Keys typed into fields, with a modifier, or
 * while a dialog is open are left alone (lib/orders/shortcuts.ts decides).
 */
export function useFeedShortcuts(handlers: FeedShortcutHandlers, enabled = true) {
  // The latest handlers, read at key time, so the listener is attached once.
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      const action = feedShortcut({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        target: target && {
          tagName: target.tagName,
          isContentEditable: target.isContentEditable,
          type: target instanceof HTMLInputElement ? target.type : undefined,
          role: target.getAttribute("role"),
        },
        dialogOpen: dialogIsOpen(),
      });
      const handler = action ? latest.current[action] : undefined;
      if (!handler) return;
      event.preventDefault();
      handler();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [enabled]);
}

const KEY_LABEL: Record<string, string> = { ArrowDown: "↓", ArrowUp: "↑", Escape: "Esc" };

/** The `?` sheet: every shortcut of the feed. */
export function ShortcutsDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} size="sm" title="Keyboard shortcuts" description="On the orders feed.">
      <dl className="grid grid-cols-[1fr_auto] items-center gap-x-6 gap-y-2.5">
        {FEED_SHORTCUTS.map((shortcut) => (
          <Fragment key={shortcut.action}>
            <dt className="text-fg-muted text-sm">{shortcut.label}</dt>
            <dd className="flex justify-end gap-1">
              {shortcut.keys.map((key) => (
                <Kbd key={key}>{KEY_LABEL[key] ?? key}</Kbd>
              ))}
            </dd>
          </Fragment>
        ))}
      </dl>
    </Dialog>
  );
}
