import {
  BadgeCheck,
  CircleAlert,
  CircleDot,
  Copy,
  Forward,
  Inbox,
  MessageCircle,
  Printer,
  RefreshCw,
  Send,
  ShieldAlert,
  ShieldX,
  Undo2,
  UserRound,
} from "lucide-react";
import type { ReactNode } from "react";
import { printedWhat } from "@/components/documents/printed-what";
import { Badge } from "@/components/ui/badge";
import { formatMs } from "@/lib/format/numbers";
import type { TimelineEntryDto } from "@/lib/orders/schemas";
import { KIND_LABEL, type WhatsappKind } from "@/lib/orders/whatsapp/templates";
import { DiffTable } from "./diff-table";

// What each of an order's events says in its timeline: an icon, a sentence, a tone, and for the
// events that carry one, TribeMade's answer or a diff. Event types this page does not know yet
// still show, titled from their type.

export type Described = { icon: ReactNode; title: ReactNode; tone?: "green" | "amber" | "red" | "accent"; body?: ReactNode };

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

export function describeEvent(entry: Extract<TimelineEntryDto, { kind: "event" }>): Described {
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
