import Link from "next/link";
import type { OutboxMessageDto } from "@/lib/outbox/schemas";
import { KIND_LABEL } from "./labels";

/** What a message is about: its kind and order, linked to the order page. */
export function MessageWhat({ message }: { message: OutboxMessageDto }) {
  return (
    <div className="min-w-0">
      <p className="text-fg truncate text-sm font-medium">{message.summary}</p>
      <p className="text-fg-subtle truncate text-xs">
        {KIND_LABEL[message.kind]}
        {message.order ? (
          <>
            {" · "}
            <Link href={`/orders/${message.order.id}`} className="hover:text-fg font-mono hover:underline">
              {message.order.shortId}
            </Link>{" "}
            {message.order.customerName}
          </>
        ) : null}
      </p>
    </div>
  );
}

export function Attempts({ message }: { message: OutboxMessageDto }) {
  return (
    <span className="tabular-nums" title={`${message.attempts} of at most ${message.maxAttempts} attempts`}>
      {message.attempts}
      <span className="text-fg-subtle">/{message.maxAttempts}</span>
    </span>
  );
}

export function LastError({ message }: { message: OutboxMessageDto }) {
  if (!message.lastError) return <span className="text-fg-subtle">—</span>;
  return (
    <span className="line-clamp-2 text-xs break-words text-red-700 dark:text-red-300" title={message.lastError}>
      {message.lastError}
    </span>
  );
}
