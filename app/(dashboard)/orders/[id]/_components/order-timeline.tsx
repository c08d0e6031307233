import { ArrowRightLeft } from "lucide-react";
import Link from "next/link";
import { NoteEntry, type NotesContext } from "@/components/customers/note-entry";
import { cn } from "@/components/ui/cn";
import { formatFull, formatStamp } from "@/lib/format/dates";
import { formatMs } from "@/lib/format/numbers";
import type { DeliveryRefDto, TimelineEntryDto } from "@/lib/orders/schemas";
import { deliveryHref } from "@/lib/webhooks/deliveries-url";
import { describeEvent, type Described } from "./timeline-event";

// The order's one story, oldest first: each webhook delivery (linked to the inspector), what
// verification found, each status change someone asked for and what TribeMade answered, refreshes,
// forwards (each event's words in timeline-event.tsx), and the team's notes.

function DeliveryLink({ delivery }: { delivery: DeliveryRefDto }) {
  return (
    <p className="text-fg-muted mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
      <Link href={deliveryHref(delivery.id)} className="text-accent-text hover:underline">
        Webhook delivery
      </Link>
      <span>
        {delivery.outcome} · acknowledged in {formatMs(delivery.ackMs)} · {delivery.endpointLabel}
      </span>
    </p>
  );
}

const TONES = {
  green: "text-emerald-600 dark:text-emerald-400 border-emerald-200 dark:border-emerald-400/30",
  amber: "text-amber-600 dark:text-amber-400 border-amber-200 dark:border-amber-400/30",
  red: "text-red-600 dark:text-red-400 border-red-200 dark:border-red-400/30",
  accent: "text-accent-text border-accent/30",
} as const;

export function OrderTimeline({ entries, notes }: { entries: TimelineEntryDto[]; notes: NotesContext }) {
  if (entries.length === 0) return <p className="text-fg-subtle px-4 py-6 text-sm">Nothing has happened to this order yet.</p>;
  return (
    <ol className="relative px-4 py-4" data-testid="order-timeline">
      {entries.map((entry, index) => {
        if (entry.kind === "note") {
          return <NoteEntry key={entry.id} note={entry.note} last={index === entries.length - 1} {...notes} />;
        }
        const described: Described =
          entry.kind === "event"
            ? describeEvent(entry)
            : { icon: <ArrowRightLeft />, title: entry.delivery.replay ? "Replayed from the inspector" : "Webhook delivery" };
        const { delivery } = entry;
        const last = index === entries.length - 1;
        return (
          <li
            key={entry.id}
            className="relative flex gap-3 pb-5 last:pb-0"
            data-event-type={entry.kind === "event" ? entry.type : "delivery"}
          >
            {!last ? <span aria-hidden="true" className="bg-line absolute top-7 bottom-0 left-[13px] w-px" /> : null}
            <span
              className={cn(
                "bg-surface relative flex size-7 shrink-0 items-center justify-center rounded-full border [&_svg]:size-3.5",
                described.tone ? TONES[described.tone] : "border-line text-fg-muted",
              )}
              aria-hidden="true"
            >
              {described.icon}
            </span>
            <div className="min-w-0 flex-1 pt-1">
              <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5">
                <p className="text-fg text-sm">{described.title}</p>
                <time dateTime={entry.at} title={formatFull(entry.at)} className="text-fg-subtle shrink-0 text-xs tabular-nums">
                  {formatStamp(entry.at)}
                </time>
              </div>
              {delivery ? <DeliveryLink delivery={delivery} /> : null}
              {described.body}
              {entry.kind === "event" && entry.data && !["received", "duplicate_received", "added_by_id"].includes(entry.type) ? (
                <details className="group mt-1">
                  <summary className="text-fg-subtle hover:text-fg-muted cursor-pointer text-xs select-none">Details</summary>
                  <pre className="bg-surface-2 text-fg-muted mt-1 max-h-64 overflow-auto rounded-md p-2 text-[11px] leading-relaxed">
                    {JSON.stringify(entry.data, null, 2)}
                  </pre>
                </details>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}
