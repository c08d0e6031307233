"use client";

import { useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { TabCount, tabClasses } from "@/components/ui/tab-style";

export type TabItem = {
  value: string;
  label: ReactNode;
  /** A small count after the label (e.g. dead messages). */
  count?: number;
  disabled?: boolean;
  content: ReactNode;
};

export type TabsProps = {
  items: TabItem[];
  /** Controlled value; leave out and use `defaultValue` for uncontrolled tabs. */
  value?: string;
  defaultValue?: string;
  onValueChange?: (value: string) => void;
  /** Names the tab list for screen readers. */
  "aria-label": string;
  className?: string;
};

/** In-page tabs (WAI-ARIA tabs pattern: arrow keys, Home/End, roving tabindex). For URL-driven
 * tabs that are really navigation, use TabLinks. */
export function Tabs({ items, value, defaultValue, onValueChange, className, ...aria }: TabsProps) {
  const [internal, setInternal] = useState(defaultValue ?? items[0]?.value);
  const current = value ?? internal;
  const baseId = useId();
  const refs = useRef(new Map<string, HTMLButtonElement>());

  function select(next: string) {
    if (value === undefined) setInternal(next);
    onValueChange?.(next);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const enabled = items.filter((item) => !item.disabled);
    const index = enabled.findIndex((item) => item.value === current);
    const last = enabled.length - 1;
    const target =
      event.key === "ArrowRight"
        ? enabled[index >= last ? 0 : index + 1]
        : event.key === "ArrowLeft"
          ? enabled[index <= 0 ? last : index - 1]
          : event.key === "Home"
            ? enabled[0]
            : event.key === "End"
              ? enabled[last]
              : undefined;
    if (!target) return;
    event.preventDefault();
    select(target.value);
    refs.current.get(target.value)?.focus();
  }

  const active = items.find((item) => item.value === current);
  return (
    <div className={className}>
      <div
        role="tablist"
        aria-label={aria["aria-label"]}
        onKeyDown={onKeyDown}
        className="border-line flex gap-1 overflow-x-auto border-b"
      >
        {items.map((item) => {
          const selected = item.value === current;
          return (
            <button
              key={item.value}
              ref={(node) => {
                if (node) refs.current.set(item.value, node);
                else refs.current.delete(item.value);
              }}
              type="button"
              role="tab"
              id={`${baseId}-tab-${item.value}`}
              aria-controls={`${baseId}-panel-${item.value}`}
              aria-selected={selected}
              tabIndex={selected ? 0 : -1}
              disabled={item.disabled}
              onClick={() => select(item.value)}
              className={tabClasses(selected)}
            >
              {item.label}
              {item.count !== undefined ? <TabCount count={item.count} selected={selected} /> : null}
            </button>
          );
        })}
      </div>
      {active ? (
        <div
          role="tabpanel"
          id={`${baseId}-panel-${active.value}`}
          aria-labelledby={`${baseId}-tab-${active.value}`}
          tabIndex={0}
          className="pt-4 focus-visible:outline-offset-4"
        >
          {active.content}
        </div>
      ) : null}
    </div>
  );
}
