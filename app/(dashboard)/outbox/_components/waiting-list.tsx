import { Clock } from "lucide-react";
import { Card, CardHeader } from "@/components/ui/card";
import { StatusBadge } from "@/components/ui/status-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { OutboxMessageDto } from "@/lib/outbox/schemas";
import { Attempts, LastError, MessageWhat } from "./message-cells";
import { formatDuration, formatFull } from "@/lib/format/dates";
import { formatCount } from "@/lib/format/numbers";

function NextAttempt({ message, now, paused }: { message: OutboxMessageDto; now: number; paused: boolean }) {
  if (message.status === "leased") return <StatusBadge kind="outbox" value="leased" />;
  // Forwards call the merchant's own system and keep going while TribeMade's key is rejected.
  if (paused && message.kind !== "forward") return <span className="text-sm text-red-700 dark:text-red-300">Paused</span>;
  const wait = Date.parse(message.availableAt) - now;
  if (wait <= 0) return <span className="text-fg text-sm">Due now</span>;
  return (
    <span className="text-fg text-sm tabular-nums" title={formatFull(message.availableAt)}>
      in {formatDuration(wait)}
    </span>
  );
}

export function WaitingList({
  messages,
  now,
  total,
  paused,
}: {
  messages: OutboxMessageDto[];
  now: number;
  total: number;
  paused: boolean;
}) {
  return (
    <Card className="overflow-hidden">
      <CardHeader
        title={
          <span className="inline-flex items-center gap-2">
            <Clock className="text-fg-subtle size-4" aria-hidden="true" /> Waiting and sending
          </span>
        }
        description={
          total > messages.length ? `The next ${messages.length} of ${formatCount(total)}, by when they go.` : "By when they go."
        }
      />
      {messages.length === 0 ? (
        <p className="text-fg-muted px-4 py-6 text-sm">
          Nothing waiting. New orders are verified within seconds of their webhook, and status changes leave after their undo
          window.
        </p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Message</TableHead>
              <TableHead>Next attempt</TableHead>
              <TableHead className="text-right">Attempts</TableHead>
              <TableHead className="hidden md:table-cell">Last error</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {messages.map((message) => (
              <TableRow key={message.id}>
                <TableCell className="max-w-[11rem] sm:max-w-[16rem]">
                  <MessageWhat message={message} />
                  {message.lastError ? (
                    <div className="mt-1 md:hidden">
                      <LastError message={message} />
                    </div>
                  ) : null}
                </TableCell>
                <TableCell>
                  <NextAttempt message={message} now={now} paused={paused} />
                </TableCell>
                <TableCell className="text-right">
                  <Attempts message={message} />
                </TableCell>
                <TableCell className="hidden max-w-md md:table-cell">
                  <LastError message={message} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Card>
  );
}
