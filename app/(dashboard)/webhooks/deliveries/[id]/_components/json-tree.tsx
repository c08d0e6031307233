"use client";

import { useState } from "react";
import { ChevronRightIcon } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { formatCount } from "@/lib/format/numbers";

// A small collapsible JSON viewer, written here rather than taken from a library: the inspector
// needs very little (expand/collapse, types coloured, counts), the bodies come from the outside
// world (`__proto__` keys, 20,000 levels of nesting, 256 KiB), and the popular viewers either
// render the whole tree eagerly or pull in a styling system. Here a node's children render only
// while it is open, so a deep or huge body costs what is on screen.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Levels open on first render: the payload's top level and its objects (customer, order_details). */
const OPEN_DEPTH = 2;
/** "Expand all" stops here: a hostile body can nest thousands of levels. */
const EXPAND_ALL_DEPTH = 40;
/** Long arrays render in slices, so a 10,000-item array does not create 10,000 rows at once. */
const SLICE = 100;

function entriesOf(value: Json[] | { [key: string]: Json }): Array<[string, Json]> {
  if (Array.isArray(value)) return value.map((item, index) => [String(index), item]);
  // Object.keys + descriptor: JSON.parse makes `__proto__` an own key, read it as one.
  return Object.keys(value).map((key) => [key, Object.getOwnPropertyDescriptor(value, key)?.value as Json]);
}

/** openAll: 0 = the first-render rule, positive = after "Expand all", negative = after "Collapse all". */
function opensAt(depth: number, openAll: number): boolean {
  if (openAll > 0) return depth < EXPAND_ALL_DEPTH;
  if (openAll < 0) return depth === 0;
  return depth < OPEN_DEPTH;
}

function Scalar({ value }: { value: Json }) {
  if (value === null) return <span className="text-fg-subtle">null</span>;
  if (typeof value === "string")
    return <span className="break-all text-emerald-700 dark:text-emerald-300">{JSON.stringify(value)}</span>;
  if (typeof value === "number") return <span className="text-sky-700 dark:text-sky-300">{String(value)}</span>;
  if (typeof value === "boolean") return <span className="text-violet-700 dark:text-violet-300">{String(value)}</span>;
  return null;
}

function Key({ name, isIndex }: { name: string; isIndex: boolean }) {
  return isIndex ? (
    <span className="text-fg-subtle">{name}: </span>
  ) : (
    <span className="text-fg">
      {JSON.stringify(name)}
      <span className="text-fg-subtle">: </span>
    </span>
  );
}

function Node({
  name,
  isIndex,
  value,
  depth,
  openAll,
}: {
  name: string | null;
  isIndex: boolean;
  value: Json;
  depth: number;
  openAll: number;
}) {
  const container = typeof value === "object" && value !== null;
  const [open, setOpen] = useState(() => opensAt(depth, openAll));
  const [shown, setShown] = useState(SLICE);
  // "Expand all" / "Collapse all" bump openAll; a node follows the latest command until toggled.
  const [seenCommand, setSeenCommand] = useState(openAll);
  if (seenCommand !== openAll) {
    setSeenCommand(openAll);
    setOpen(opensAt(depth, openAll));
  }

  if (!container) {
    return (
      <li className="py-px pl-5">
        {name !== null ? <Key name={name} isIndex={isIndex} /> : null}
        <Scalar value={value} />
      </li>
    );
  }
  const isArray = Array.isArray(value);
  const entries = entriesOf(value);
  const [openBracket, closeBracket] = isArray ? ["[", "]"] : ["{", "}"];
  const summary = isArray
    ? `${entries.length} ${entries.length === 1 ? "item" : "items"}`
    : `${entries.length} ${entries.length === 1 ? "key" : "keys"}`;
  return (
    <li className="py-px">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((current) => !current)}
        className="group hover:bg-surface-2 inline-flex max-w-full items-start gap-1 rounded-sm text-left"
      >
        <ChevronRightIcon className={cn("text-fg-subtle mt-0.5 size-3.5 shrink-0 transition-transform", open && "rotate-90")} />
        <span>
          {name !== null ? <Key name={name} isIndex={isIndex} /> : null}
          <span className="text-fg-subtle">{openBracket}</span>
          {open ? null : (
            <span className="text-fg-subtle">
              {entries.length > 0 ? ` ${summary} ` : ""}
              {closeBracket}
            </span>
          )}
        </span>
      </button>
      {open ? (
        <>
          <ul className="border-line ml-[7px] border-l pl-2">
            {entries.slice(0, shown).map(([key, child]) => (
              <Node key={key} name={key} isIndex={isArray} value={child} depth={depth + 1} openAll={openAll} />
            ))}
            {entries.length > shown ? (
              <li className="py-px pl-5">
                <button
                  type="button"
                  className="text-accent-text hover:underline"
                  onClick={() => setShown((count) => count + SLICE * 10)}
                >
                  Show {formatCount(Math.min(SLICE * 10, entries.length - shown))} more of {formatCount(entries.length - shown)}
                </button>
              </li>
            ) : null}
          </ul>
          <span className="text-fg-subtle pl-5">{closeBracket}</span>
        </>
      ) : null}
    </li>
  );
}

export function JsonTree({ value, className }: { value: unknown; className?: string }) {
  // 0 = initial depth rule; positive = expand all (a new number each click); negative = collapse all.
  const [command, setCommand] = useState(0);
  return (
    <div className={className}>
      <div className="mb-2 flex gap-3 text-xs">
        <button
          type="button"
          className="text-fg-muted hover:text-fg"
          onClick={() => setCommand((current) => Math.abs(current) + 1)}
        >
          Expand all
        </button>
        <button
          type="button"
          className="text-fg-muted hover:text-fg"
          onClick={() => setCommand((current) => -(Math.abs(current) + 1))}
        >
          Collapse all
        </button>
      </div>
      <ul data-testid="json-tree" aria-label="Body as a JSON tree" className="font-mono text-xs leading-5">
        <Node name={null} isIndex={false} value={value as Json} depth={0} openAll={command} />
      </ul>
    </div>
  );
}
