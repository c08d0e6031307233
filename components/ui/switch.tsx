"use client";

import { useId, useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type SwitchProps = {
  checked?: boolean;
  defaultChecked?: boolean;
  onCheckedChange?: (checked: boolean) => void;
  /** Visible label, clickable. Without it, pass `aria-label`. */
  label?: ReactNode;
  description?: ReactNode;
  /** With a name, a hidden input posts "on"/"off" (z.stringbool() reads both) in forms. */
  name?: string;
  disabled?: boolean;
  id?: string;
  "aria-label"?: string;
  className?: string;
};

/** An on/off switch (role="switch"; Space and Enter toggle). Controlled or uncontrolled. */
export function Switch({
  checked,
  defaultChecked = false,
  onCheckedChange,
  label,
  description,
  name,
  disabled,
  id,
  className,
  ...aria
}: SwitchProps) {
  const [internal, setInternal] = useState(defaultChecked);
  const on = checked ?? internal;
  const autoId = useId();
  const switchId = id ?? autoId;

  function toggle() {
    if (checked === undefined) setInternal(!on);
    onCheckedChange?.(!on);
  }

  const control = (
    <button
      type="button"
      role="switch"
      id={switchId}
      aria-checked={on}
      aria-label={aria["aria-label"]}
      aria-labelledby={label ? `${switchId}-label` : undefined}
      aria-describedby={description ? `${switchId}-description` : undefined}
      disabled={disabled}
      onClick={toggle}
      className={cn(
        "relative inline-flex h-5 w-9 shrink-0 items-center rounded-full border border-transparent transition-colors duration-150",
        "disabled:cursor-not-allowed disabled:opacity-50",
        on ? "bg-accent" : "bg-surface-3 ring-line-strong ring-1 ring-inset",
      )}
    >
      <span
        aria-hidden="true"
        className={cn(
          "inline-block size-4 rounded-full bg-white shadow-sm ring-1 ring-black/5 transition-transform duration-150",
          on ? "translate-x-4" : "translate-x-0.5",
        )}
      />
    </button>
  );
  const hidden = name ? <input type="hidden" name={name} value={on ? "on" : "off"} /> : null;

  if (!label) {
    return (
      <span className={cn("inline-flex", className)}>
        {control}
        {hidden}
      </span>
    );
  }
  return (
    <div className={cn("flex items-start gap-3", className)}>
      <div className="pt-px">
        {control}
        {hidden}
      </div>
      <div className="min-w-0">
        <label id={`${switchId}-label`} htmlFor={switchId} className="text-fg text-sm font-medium">
          {label}
        </label>
        {description ? (
          <p id={`${switchId}-description`} className="text-fg-muted text-sm">
            {description}
          </p>
        ) : null}
      </div>
    </div>
  );
}
