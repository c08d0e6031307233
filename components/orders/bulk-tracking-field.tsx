"use client";

import { useId } from "react";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { COURIER_SPECS, COURIERS, type Courier } from "@/lib/orders/awb";
import type { TrackingLine } from "@/lib/orders/tracking-list";

export type BulkTrackingValue = { text: string; courier: Courier; withoutTracking: boolean };

/**
 * Bulk dispatch's tracking: paste one line per order ("3f2a9c1e, 1610000000001"), see each line's
 * link or error as you paste, choose the courier for lines that name none.
 */
export function BulkTrackingField({
  value,
  onChange,
  lines,
  unmatched,
  withoutLine,
}: {
  value: BulkTrackingValue;
  onChange: (value: BulkTrackingValue) => void;
  lines: TrackingLine[];
  /** Valid lines whose order id is not among the selected orders. */
  unmatched: string[];
  /** Selected orders that can be dispatched but have no line (skipped unless the switch is on). */
  withoutLine: number;
}) {
  const id = useId();
  const errors = lines.filter((line): line is Extract<TrackingLine, { error: string }> => "error" in line);
  const good = lines.length - errors.length;
  return (
    <div className="grid gap-3">
      <div className="grid gap-3 sm:grid-cols-[1fr_10rem]">
        <Field
          id={`${id}-list`}
          label="Tracking, one order per line"
          hint="The order's short id, then its AWB number or tracking link, and the courier if it differs."
        >
          <Textarea
            id={`${id}-list`}
            rows={5}
            value={value.text}
            onChange={(event) => onChange({ ...value, text: event.target.value })}
            placeholder={"3f2a9c1e, 1610000000001\n8b7d0e44, 77937279125, Blue Dart\nc0ffee12, https://track.example.in/AB123"}
            spellCheck={false}
            className="font-mono text-xs"
            aria-describedby={`${id}-list-hint ${id}-summary`}
          />
        </Field>
        <Field id={`${id}-courier`} label="Courier">
          <Select
            id={`${id}-courier`}
            value={value.courier}
            onChange={(event) => onChange({ ...value, courier: event.target.value as Courier })}
          >
            {COURIERS.map((courier) => (
              <option key={courier} value={courier}>
                {COURIER_SPECS[courier].name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div id={`${id}-summary`} aria-live="polite" className="grid gap-1 text-xs">
        {lines.length > 0 ? (
          <p className="text-fg-muted">
            {good} {good === 1 ? "line" : "lines"} ready{errors.length > 0 ? `, ${errors.length} to fix` : ""}.
          </p>
        ) : null}
        {errors.slice(0, 5).map((line) => (
          <p key={line.line} className="text-red-700 dark:text-red-300">
            Line {line.line}: {line.error}
          </p>
        ))}
        {errors.length > 5 ? <p className="text-red-700 dark:text-red-300">…and {errors.length - 5} more.</p> : null}
        {withoutLine > 0 && lines.length > 0 ? (
          <p className="text-fg-muted">
            {withoutLine} selected {withoutLine === 1 ? "order has" : "orders have"} no line:{" "}
            {value.withoutTracking ? "dispatched without a link." : "skipped."}
          </p>
        ) : null}
        {unmatched.length > 0 ? (
          <p className="text-amber-800 dark:text-amber-300">
            Not among the selected orders: {unmatched.slice(0, 6).join(", ")}
            {unmatched.length > 6 ? ` and ${unmatched.length - 6} more` : ""}.
          </p>
        ) : null}
      </div>
      <Switch
        checked={value.withoutTracking}
        onCheckedChange={(withoutTracking) => onChange({ ...value, withoutTracking })}
        label="Dispatch orders without a line too"
        description="They go without a tracking link. Off: they are skipped and listed afterwards."
      />
    </div>
  );
}
