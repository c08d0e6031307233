import type { OutboxKind } from "@/lib/outbox/messages";
import type { DrainTriggerName } from "@/lib/outbox/schemas";

// How the outbox page names things. Colours are shared by the runs chart and its legend.

export const KIND_LABEL: Record<OutboxKind, string> = {
  push_status: "Status changes",
  verify_order: "Verifications",
  refresh_order: "Refreshes",
  forward: "Forwards",
  notify_push: "Push notifications",
  notify_email: "Emails",
  read_product: "Product reads",
  apply_stock: "Stock changes",
  edit_product: "Product edits",
  fetch_order: "Missing orders",
};

export const KIND_HINT: Record<OutboxKind, string> = {
  push_status: "A person's status change, sent to TribeMade (20 a minute)",
  verify_order: "A new order read back from TribeMade's API (50 a minute, shared with refreshes)",
  refresh_order: "An open order re-read for courier updates and ratings",
  forward: "A verified order sent to your fulfillment URL",
  notify_push: "A notification to your team's devices (its own budget, not TribeMade's)",
  notify_email: "An alert or summary emailed to your team (its own budget, not TribeMade's)",
  read_product: "A product read from TribeMade after its first order, or on demand (50 a minute)",
  apply_stock: "Stock lowered by a verified order or raised by a cancellation, when Tribedesk keeps stock",
  edit_product: "A person's product edit (price, hide / show), sent to TribeMade (20 a minute)",
  fetch_order: "An order added by id (“Add missing orders”), read from TribeMade's API (shares the 50 a minute)",
};

export const TRIGGERS: { key: DrainTriggerName; label: string; hint: string; fill: string; swatch: string }[] = [
  {
    key: "cron",
    label: "Cron",
    hint: "Vercel Cron",
    fill: "fill-violet-500 dark:fill-violet-400",
    swatch: "bg-violet-500 dark:bg-violet-400",
  },
  {
    key: "external",
    label: "External",
    hint: "Another scheduler with the cron secret",
    fill: "fill-sky-500 dark:fill-sky-400",
    swatch: "bg-sky-500 dark:bg-sky-400",
  },
  {
    key: "listener",
    label: "Listener",
    hint: "The long-running server's own drainer",
    fill: "fill-emerald-500 dark:fill-emerald-400",
    swatch: "bg-emerald-500 dark:bg-emerald-400",
  },
  {
    key: "wake",
    label: "Wake-up",
    hint: "Right after a webhook or a status change",
    fill: "fill-indigo-500 dark:fill-indigo-400",
    swatch: "bg-indigo-500 dark:bg-indigo-400",
  },
  {
    key: "dashboard",
    label: "Dashboard",
    hint: "Someone had the dashboard open",
    fill: "fill-amber-500 dark:fill-amber-400",
    swatch: "bg-amber-500 dark:bg-amber-400",
  },
];

export function triggerLabel(trigger: string): string {
  return TRIGGERS.find((entry) => entry.key === trigger)?.label ?? trigger;
}
