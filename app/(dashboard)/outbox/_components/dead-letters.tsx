"use client";

import { useQueryClient } from "@tanstack/react-query";
import { RotateCcw, Skull, Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Dialog } from "@/components/ui/dialog";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TimeAgo } from "@/components/ui/time-ago";
import { discardOutboxMessages, retryOutboxMessages } from "@/lib/outbox/actions";
import { outboxKeys } from "@/lib/outbox/keys";
import type { OutboxMessageDto } from "@/lib/outbox/schemas";
import { Checkbox } from "./checkbox";
import { Attempts, LastError, MessageWhat } from "./message-cells";
import { formatCount } from "@/lib/format/numbers";

// Messages that gave up: a permanent refusal or too many attempts. Any member may send them again
// (a fresh set of attempts); owners may discard them for good.

const plural = (count: number, one: string) => `${count} ${one}${count === 1 ? "" : "s"}`;

export function DeadLetters({
  storeId,
  messages,
  total,
  canDiscard,
}: {
  storeId: string;
  messages: OutboxMessageDto[];
  total: number;
  canDiscard: boolean;
}) {
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  // Rows that left the list (retried elsewhere, discarded) leave the selection too.
  const visible = new Set(messages.map((message) => message.id));
  const chosen = [...selected].filter((id) => visible.has(id));
  const all = chosen.length === messages.length && messages.length > 0;

  async function run(kind: "retry" | "discard", ids: string[], key: string) {
    setBusy(key);
    const result = await (kind === "retry" ? retryOutboxMessages({ ids }) : discardOutboxMessages({ ids })).catch(() => null);
    setBusy(null);
    setConfirming(false);
    if (!result) return void toast.error("We couldn't reach Tribedesk. Check your connection and try again.");
    if (!result.ok) return void toast.error(result.error.message);
    const count = "retried" in result.data ? result.data.retried : result.data.discarded;
    toast.success(kind === "retry" ? `${plural(count, "message")} queued again` : `${plural(count, "message")} discarded`);
    setSelected((current) => new Set([...current].filter((id) => !ids.includes(id))));
    await queryClient.invalidateQueries({ queryKey: outboxKeys.all(storeId) });
  }

  if (messages.length === 0) return null;
  return (
    <Card className="overflow-hidden" data-testid="dead-letters">
      <CardHeader
        title={
          <span className="inline-flex items-center gap-2">
            <Skull className="size-4 text-red-600 dark:text-red-400" aria-hidden="true" /> Dead letters
          </span>
        }
        description={
          total > messages.length
            ? `The latest ${messages.length} of ${formatCount(total)}.`
            : "Gave up: TribeMade refused them, or they failed too often."
        }
        actions={
          chosen.length > 0 ? (
            <>
              <Button
                size="sm"
                leadingIcon={<RotateCcw />}
                loading={busy === "selected"}
                onClick={() => run("retry", chosen, "selected")}
              >
                Retry {chosen.length}
              </Button>
              {canDiscard ? (
                <Button size="sm" variant="danger" leadingIcon={<Trash2 />} onClick={() => setConfirming(true)}>
                  Discard {chosen.length}
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead className="w-10">
              <Checkbox
                checked={all ? true : chosen.length > 0 ? "indeterminate" : false}
                onCheckedChange={(checked) => setSelected(checked ? new Set(messages.map((m) => m.id)) : new Set())}
                label="Select all dead letters"
              />
            </TableHead>
            <TableHead>Message</TableHead>
            <TableHead className="hidden text-right sm:table-cell">Attempts</TableHead>
            <TableHead className="hidden sm:table-cell">Reason</TableHead>
            <TableHead className="hidden sm:table-cell">Gave up</TableHead>
            <TableHead className="w-0">
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {messages.map((message) => {
            const isSelected = selected.has(message.id);
            return (
              <TableRow key={message.id} data-state={isSelected ? "selected" : undefined}>
                <TableCell>
                  <Checkbox
                    checked={isSelected}
                    onCheckedChange={(checked) =>
                      setSelected((current) => {
                        const next = new Set(current);
                        if (checked) next.add(message.id);
                        else next.delete(message.id);
                        return next;
                      })
                    }
                    label={`Select ${message.summary}${message.order ? ` for order ${message.order.shortId}` : ""}`}
                  />
                </TableCell>
                <TableCell className="max-w-[12rem] sm:max-w-[14rem]">
                  <MessageWhat message={message} />
                  <div className="mt-1 sm:hidden">
                    <LastError message={message} />
                  </div>
                </TableCell>
                <TableCell className="hidden text-right sm:table-cell">
                  <Attempts message={message} />
                </TableCell>
                <TableCell className="hidden max-w-md min-w-[12rem] sm:table-cell">
                  <LastError message={message} />
                </TableCell>
                <TableCell className="text-fg-muted hidden text-sm sm:table-cell">
                  {message.lastAttemptAt ? <TimeAgo date={message.lastAttemptAt} /> : "—"}
                </TableCell>
                <TableCell>
                  <Button
                    size="sm"
                    variant="ghost"
                    leadingIcon={<RotateCcw />}
                    loading={busy === message.id}
                    onClick={() => run("retry", [message.id], message.id)}
                  >
                    Retry
                  </Button>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <Dialog
        open={confirming}
        onOpenChange={setConfirming}
        size="sm"
        title={`Discard ${plural(chosen.length, "message")}?`}
        description="They will not be sent. Orders whose status change is discarded stay marked as failed; their history stays on the order page."
        footer={
          <>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
            <Button variant="danger" loading={busy === "discard"} onClick={() => run("discard", chosen, "discard")}>
              Discard
            </Button>
          </>
        }
      />
    </Card>
  );
}
