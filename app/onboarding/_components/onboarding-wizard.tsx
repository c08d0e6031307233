"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { OnboardedStore } from "@/lib/stores/actions";
import { StoreStep } from "./store-step";
import { WebhookStep } from "./webhook-step";

const STEPS = ["Store and key", "Webhook"] as const;

/** Two steps; the second shows the webhook URL that exists only in this browser tab's memory. */
export function OnboardingWizard({ firstName, firstStore }: { firstName: string; firstStore: boolean }) {
  // Creating the store re-renders the page with one more store; the heading stays as it began.
  const [welcome] = useState(firstStore);
  const [created, setCreated] = useState<OnboardedStore | null>(null);
  const current = created ? 1 : 0;
  return (
    <div>
      <div className="mb-6">
        <h1 className="text-fg text-xl font-semibold tracking-tight">
          {welcome ? `Welcome, ${firstName}` : "Add another store"}
        </h1>
        <p className="text-fg-muted mt-1 text-sm">
          Connect a TribeMade store: Tribedesk reads and updates its orders with your API key, and TribeMade sends every new order
          to a private webhook address.
        </p>
      </div>
      <ol className="mb-4 flex items-center gap-3 text-sm" aria-label="Progress">
        {STEPS.map((label, index) => (
          <li key={label} className="flex min-w-0 items-center gap-2" aria-current={index === current ? "step" : undefined}>
            <span
              className={cn(
                "flex size-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold",
                index < current && "bg-emerald-600 text-white",
                index === current && "bg-accent text-white",
                index > current && "border-line-strong text-fg-muted border",
              )}
            >
              {index < current ? "✓" : index + 1}
            </span>
            <span className={cn("truncate", index === current ? "text-fg font-medium" : "text-fg-muted")}>{label}</span>
            {index < STEPS.length - 1 ? (
              <span aria-hidden="true" className="bg-line-strong mx-1 h-px w-6 shrink-0 sm:w-10" />
            ) : null}
          </li>
        ))}
      </ol>
      <div className="border-line bg-surface rounded-xl border p-5 shadow-sm sm:p-6">
        {created ? <WebhookStep store={created} /> : <StoreStep onCreated={setCreated} />}
      </div>
      {welcome || created ? null : (
        <div className="mt-4 text-center">
          <Button href="/orders" variant="ghost" size="sm">
            Back to the dashboard
          </Button>
        </div>
      )}
    </div>
  );
}
