import {
  ArrowRightLeft,
  BadgeCheck,
  CircleAlert,
  CircleDot,
  Copy,
  Forward,
  Inbox,
  Printer,
  RefreshCw,
  Send,
  ShieldAlert,
  ShieldX,
  Undo2,
  UserRound,
  MessageCircle,
} from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { NoteEntry, type NotesContext } from "@/components/customers/note-entry";
import { printedWhat } from "@/components/documents/printed-what";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { formatFull, formatStamp } from "@/lib/format/dates";
import { formatMs } from "@/lib/format/numbers";
import type { DeliveryRefDto, TimelineEntryDto } from "@/lib/orders/schemas";
import { KIND_LABEL, type WhatsappKind } from "@/lib/orders/whatsapp/templates";
import { deliveryHref } from "@/lib/webhooks/deliveries-url";
import { DiffTable } from "./diff-table";

// The order's one story, oldest first: each webhook delivery (linked to the inspector), what
// verification found, each status change someone asked for and what TribeMade answered, refreshes,
// forwards. Event types this page does not know yet still show, with their data as JSON.

type Described = { icon: ReactNode; title: ReactNode; tone?: "green" | "amber" | "red" | "accent"; body?: ReactNode };

type EventData = Record<string, unknown>;

const STATUS_WORDS: Record<string, string> = {
  processing: "processing",
  dispatched: "dispatched",
  delivered: "delivered",
  cancelled: "cancelled",
  started: "started",
};

function text(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : typeof value === "number" ? String(value) : null;
}

function statusWord(value: unknown): string {
  const word = text(value);
  return word ? (STATUS_WORDS[word] ?? word) : "a new status";
}

/** TribeMade's answer, when an event carries one: HTTP status, message, timing, rate-limit headers. */
function ApiAnswer({ data }: { data: EventData }) {
  const http = data.httpStatus ?? data.status_code ?? data.statusCode;
  const message = text(data.error) ?? text(data.message) ?? text(data.reason);
  const latency = typeof data.latencyMs === "number" ? data.latencyMs : typeof data.ms === "number" ? data.ms : null;
  if (http === undefined && !message && latency === null) return null;
  return (
    <p className="text-fg-muted mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
      {typeof http === "number" ? (
        <Badge tone={http >= 200 && http < 300 ? "green" : http === 429 || http >= 500 ? "amber" : "red"}>HTTP {http}</Badge>
      ) : null}
      {message ? <span>“{message}”</span> : null}
      {latency !== null ? <span className="tabular-nums">{formatMs(latency)}</span> : null}
    </p>
  );
}

function describe(entry: Extract<TimelineEntryDto, { kind: "event" }>): Described {
  const data: EventData =
    entry.data && typeof entry.data === "object" && !Array.isArray(entry.data) ? (entry.data as EventData) : {};
  const replay = data.replay === true;
  switch (entry.type) {
    case "received":
      return {
        icon: <Inbox />,
        title: replay ? "Order received (a replay from the inspector)" : "Order received from TribeMade",
        tone: "accent",
      };
    case "added_by_id":
      return {
        icon: <Inbox />,
        title: `Added by ${entry.actor} with “Add missing orders”: read from TribeMade's API, no webhook`,
        tone: "accent",
      };
    case "duplicate_received":
      return {
        icon: <Copy />,
        title: replay ? "Replayed from the inspector: already recorded" : "TribeMade sent it again: recognised as a duplicate",
      };
    case "verified":
      return {
        icon: <BadgeCheck />,
        title: "Verified: TribeMade's API confirms this order",
        tone: "green",
        body:
          Array.isArray(data.changes) && data.changes.length > 0 ? (
            <DiffTable diff={data.changes} left="Before" right="Now" />
          ) : null,
      };
    case "verification_mismatch":
      return {
        icon: <ShieldAlert />,
        title: "TribeMade's API disagrees with the webhook",
        tone: "amber",
        body: data.diff !== undefined ? <DiffTable diff={data.diff} /> : null,
      };
    case "verification_not_found":
      return {
        icon: <ShieldX />,
        title: "TribeMade's API does not know this order",
        tone: "red",
        body: <ApiAnswer data={data} />,
      };
    case "status_requested":
      return {
        icon: <UserRound />,
        title: (
          <>
            <strong className="font-medium">{entry.actor}</strong> marked it {statusWord(data.to)}
          </>
        ),
        body: text(data.trackingUrl) ? (
          <p className="text-fg-muted mt-1 truncate text-xs">Tracking: {text(data.trackingUrl)}</p>
        ) : undefined,
      };
    case "status_undone":
      return {
        icon: <Undo2 />,
        title: (
          <>
            <strong className="font-medium">{entry.actor}</strong> undid it: back to {statusWord(data.to)}, nothing sent to
            TribeMade
          </>
        ),
      };
    case "status_retry_requested":
      return {
        icon: <RefreshCw />,
        title: (
          <>
            <strong className="font-medium">{entry.actor}</strong> sent {statusWord(data.status)} to TribeMade again
          </>
        ),
        body: text(data.failedError) ? <p className="text-fg-muted mt-1 text-xs">After: {text(data.failedError)}</p> : undefined,
      };
    case "status_pushed":
      return {
        icon: <Send />,
        title: `TribeMade confirmed ${statusWord(data.status ?? data.to)}`,
        tone: "green",
        body: <ApiAnswer data={data} />,
      };
    case "status_push_failed":
      return {
        icon: <CircleAlert />,
        title: `TribeMade refused ${statusWord(data.status ?? data.to)}`,
        tone: "red",
        body: <ApiAnswer data={data} />,
      };
    case "refreshed":
      return {
        icon: <RefreshCw />,
        title: "Refreshed from TribeMade",
        body: data.changes !== undefined ? <DiffTable diff={data.changes} left="Before" right="Now" /> : null,
      };
    case "forwarded":
      return { icon: <Forward />, title: "Forwarded to your fulfillment system", tone: "green", body: <ApiAnswer data={data} /> };
    case "forward_failed":
      return {
        icon: <Forward />,
        title: "Forwarding to your fulfillment system failed",
        tone: "red",
        body: <ApiAnswer data={data} />,
      };
    case "documents_printed":
      return {
        icon: <Printer />,
        title: (
          <>
            <strong className="font-medium">{entry.actor}</strong> printed {printedWhat(data)}
          </>
        ),
      };
    case "whatsapp_opened":
      return {
        icon: <MessageCircle />,
        title: (
          <>
            <strong className="font-medium">{entry.actor}</strong> opened WhatsApp with “{whatsappLabel(data)}”
          </>
        ),
      };
    default:
      return { icon: <CircleDot />, title: entry.type.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase()) };
  }
}

function whatsappLabel(data: EventData): string {
  const kind = KIND_LABEL[data.kind as WhatsappKind] ?? "a message";
  return data.language === "hi" ? `${kind} (Hindi)` : kind;
}

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
            ? describe(entry)
            : { icon: <ArrowRightLeft />, title: entry.delivery.replay ? "Replayed from the inspector" : "Webhook delivery" };
        const delivery = entry.kind === "event" ? entry.delivery : entry.delivery;
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
