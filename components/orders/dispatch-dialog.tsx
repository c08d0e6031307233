"use client";

import { ExternalLink } from "lucide-react";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { Field, fieldDescribedBy } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { checkTrackingUrl, COURIER_SPECS, COURIERS, isCourier, trackingUrlFor, type Courier } from "@/lib/orders/awb";
import type { TrackingInput } from "@/lib/orders/status-schemas";

export type DispatchDialogProps = {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** "#3f2a9c1e" */
  orderLabel: string;
  customerName: string;
  onSubmit: (tracking: TrackingInput) => void;
  pending?: boolean;
};

type Mode = "awb" | "url";
const COURIER_KEY = "tribedesk-courier";

/** The courier used last on this device: most merchants ship with one. */
export function rememberedCourier(): Courier {
  try {
    const stored = localStorage.getItem(COURIER_KEY) ?? "";
    return isCourier(stored) ? stored : "delhivery";
  } catch {
    return "delhivery";
  }
}

/**
 * "Mark dispatched": an AWB number with its courier (the link is built and previewed as you type)
 * or a tracking link as is. TribeMade puts the link in the customer's shipping email.
 */
export function DispatchDialog({ open, onOpenChange, orderLabel, customerName, onSubmit, pending }: DispatchDialogProps) {
  const formId = useId();
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      closeOnBackdrop={false}
      title={`Mark ${orderLabel} dispatched`}
      description={`TribeMade emails ${customerName} that the order has shipped, with this tracking link.`}
      footer={
        <>
          <Button type="button" variant="ghost" className="mr-auto" disabled={pending} onClick={() => onSubmit({ kind: "none" })}>
            Without a link
          </Button>
          <Button type="button" variant="secondary" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" form={formId} variant="primary" loading={pending}>
            Mark dispatched
          </Button>
        </>
      }
    >
      {/* Mounted only while open, so every opening starts clean. */}
      <DispatchForm formId={formId} onSubmit={onSubmit} />
    </Dialog>
  );
}

function DispatchForm({ formId, onSubmit }: { formId: string; onSubmit: (tracking: TrackingInput) => void }) {
  const id = useId();
  const [mode, setMode] = useState<Mode>("awb");
  const [courier, setCourier] = useState<Courier>(rememberedCourier);
  const [awb, setAwb] = useState("");
  const [url, setUrl] = useState("");
  const [touched, setTouched] = useState(false);
  const numberRef = useRef<HTMLInputElement>(null);

  // The dialog focuses its first field, the courier; the number is what people type first. A frame
  // later, after the dialog's own focus, is when this can win.
  useEffect(() => {
    const frame = requestAnimationFrame(() => numberRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [mode]);

  const built = mode === "awb" ? trackingUrlFor(courier, awb) : checkTrackingUrl(url);
  const error = touched && !built.ok ? built.message : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    setTouched(true);
    if (!built.ok) return;
    if (mode === "awb") {
      try {
        localStorage.setItem(COURIER_KEY, courier);
      } catch {
        // Private mode: the choice is not remembered, nothing else changes.
      }
      onSubmit({ kind: "awb", courier, awb });
    } else onSubmit({ kind: "url", url });
  }

  const fieldId = `${id}-${mode}`;
  return (
    <form id={formId} onSubmit={submit} className="grid gap-4 [&>*]:min-w-0" noValidate>
      <div role="radiogroup" aria-label="Tracking from" className="bg-surface-2 grid grid-cols-2 gap-1 rounded-lg p-1">
        {(["awb", "url"] as const).map((value) => (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={mode === value}
            onClick={() => {
              setMode(value);
              setTouched(false);
            }}
            className={cn(
              "h-7 rounded-md text-sm font-medium transition-colors",
              mode === value ? "bg-surface text-fg shadow-xs" : "text-fg-muted hover:text-fg",
            )}
          >
            {value === "awb" ? "AWB number" : "Tracking link"}
          </button>
        ))}
      </div>

      {mode === "awb" ? (
        <div className="grid gap-3 sm:grid-cols-[10rem_minmax(0,1fr)] [&>*]:min-w-0">
          <Field id={`${id}-courier`} label="Courier">
            <Select id={`${id}-courier`} value={courier} onChange={(event) => setCourier(event.target.value as Courier)}>
              {COURIERS.map((value) => (
                <option key={value} value={value}>
                  {COURIER_SPECS[value].name}
                </option>
              ))}
            </Select>
          </Field>
          <Field id={fieldId} label="AWB number" errors={error}>
            <Input
              id={fieldId}
              ref={numberRef}
              value={awb}
              onChange={(event) => setAwb(event.target.value)}
              onBlur={() => setTouched(awb.trim() !== "")}
              placeholder={COURIER_SPECS[courier].example.replace(/^.*like /, "")}
              autoComplete="off"
              spellCheck={false}
              inputMode={courier === "delhivery" || courier === "bluedart" || courier === "xpressbees" ? "numeric" : "text"}
              className="font-mono"
              invalid={Boolean(error)}
              aria-describedby={fieldDescribedBy(fieldId, { errors: error })}
            />
          </Field>
        </div>
      ) : (
        <Field id={fieldId} label="Tracking link" errors={error}>
          <Input
            id={fieldId}
            ref={numberRef}
            type="url"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            onBlur={() => setTouched(url.trim() !== "")}
            placeholder="https://…"
            autoComplete="off"
            spellCheck={false}
            invalid={Boolean(error)}
            aria-describedby={fieldDescribedBy(fieldId, { errors: error })}
          />
        </Field>
      )}

      <div className="border-line bg-surface-2/60 min-h-14 rounded-lg border px-3 py-2.5" aria-live="polite">
        <p className="text-fg-subtle text-xs font-medium">The customer gets</p>
        {built.ok ? (
          <a
            href={built.url}
            target="_blank"
            rel="noreferrer noopener"
            className="text-accent-text mt-0.5 flex min-w-0 items-center gap-1.5 font-mono text-xs hover:underline"
          >
            <span className="truncate">{built.url}</span>
            <ExternalLink className="size-3.5 shrink-0" aria-hidden="true" />
            <span className="sr-only">(opens in a new tab)</span>
          </a>
        ) : (
          <p className="text-fg-subtle mt-0.5 text-xs">
            {mode === "awb" ? `The ${COURIER_SPECS[courier].name} tracking page for this AWB.` : "The link you paste."}
          </p>
        )}
      </div>
    </form>
  );
}
