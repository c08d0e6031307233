"use client";

import { useEffect, useRef, useState } from "react";
import { CheckIcon, CopyIcon } from "lucide-react";
import { Button, type ButtonSize, type ButtonVariant } from "@/components/ui/button";

export type CopyButtonProps = {
  /** The text put on the clipboard. */
  value: string;
  label?: string;
  copiedLabel?: string;
  /** Icon only; `label` becomes the aria-label and tooltip. */
  iconOnly?: boolean;
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
  onCopied?: () => void;
};

const COPIED_MS = 1600;

async function writeClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // navigator.clipboard needs a secure context (https or localhost): fall back for plain-http LAN use.
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand("copy");
    area.remove();
    return ok;
  }
}

export function CopyButton({
  value,
  label = "Copy",
  copiedLabel = "Copied",
  iconOnly = false,
  variant = "secondary",
  size = iconOnly ? "icon-sm" : "sm",
  className,
  onCopied,
}: CopyButtonProps) {
  const [copied, setCopied] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    if (!(await writeClipboard(value))) return;
    setCopied(true);
    onCopied?.();
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setCopied(false), COPIED_MS);
  }

  const icon = copied ? <CheckIcon className="text-emerald-600 dark:text-emerald-400" /> : <CopyIcon />;
  return (
    <>
      <Button
        type="button"
        variant={variant}
        size={size}
        className={className}
        onClick={copy}
        aria-label={iconOnly ? (copied ? copiedLabel : label) : undefined}
        title={iconOnly ? label : undefined}
        leadingIcon={iconOnly ? undefined : icon}
      >
        {iconOnly ? icon : copied ? copiedLabel : label}
      </Button>
      <span className="sr-only" aria-live="polite">
        {copied ? copiedLabel : ""}
      </span>
    </>
  );
}
