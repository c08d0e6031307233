"use client";

import { useState } from "react";
import { cn } from "@/components/ui/cn";
import type { OnboardedStore } from "@/lib/stores/actions";
import { StoreStep } from "./store-step";
import { WebhookStep } from "./webhook-step";

const STEPS = ["Store and API key", "Connect the webhook"] as const;

/** Two steps; the second shows the webhook URL that exists only in this browser tab's memory. */
export function OnboardingWizard() {
  const [created, setCreated] = useState<OnboardedStore | null>(null);
  const current = created ? 1 : 0;
  return (
    <div>
      <ol className="mb-4 flex items-center gap-3 text-sm" aria-label="Progress">
        {STEPS.map((label, index) => (
          <li key={label} className="flex min-w-0 items-center gap-2" aria-current={index === current ? "step" : undefined}>
            <span
              className={cn(
                "flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold",
                index < current && "bg-emerald-600 text-white",
                index === current && "bg-accent text-white",
                index > current && "border border-line-strong text-fg-muted",
              )}
            >
              {index < current ? "✓" : index + 1}
            </span>
            <span className={cn("truncate", index === current ? "font-medium text-fg" : "text-fg-muted")}>{label}</span>
            {index < STEPS.length - 1 ? <span aria-hidden="true" className="mx-1 h-px w-6 shrink-0 bg-line-strong sm:w-10" /> : null}
          </li>
        ))}
      </ol>
      <div className="rounded-xl border border-line bg-surface p-5 shadow-sm sm:p-6">
        {created ? <WebhookStep store={created} /> : <StoreStep onCreated={setCreated} />}
      </div>
    </div>
  );
}
