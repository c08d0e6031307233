"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { RotateCwIcon } from "lucide-react";
import { Alert, type AlertTone } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { replayWebhookDelivery } from "@/lib/webhooks/actions";
import type { ReplayResultDto } from "@/lib/webhooks/schemas";
import { webhookKeys } from "@/lib/webhooks/keys";
import { deliveryHref } from "@/lib/webhooks/deliveries-url";

type Outcome = { tone: AlertTone; title: string; message: string; deliveryId: string | null };

function describe(result: ReplayResultDto): Outcome {
  const base = { message: result.message, deliveryId: result.deliveryId };
  if (result.outcome === "duplicate") return { ...base, tone: "info", title: "Replay answered duplicate" };
  if (result.outcome === "accepted") return { ...base, tone: "success", title: "Replay accepted" };
  if (result.outcome === "rejected")
    return { ...base, tone: "warning", title: `Replay rejected: ${result.reason ?? "rejected"}` };
  return { ...base, tone: "error", title: "Replay failed" };
}

/** Re-runs ingest on the stored bytes; the answer and the new delivery it recorded show in place. */
export function useReplay(storeId: string, deliveryId: string) {
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  async function replay() {
    setPending(true);
    setOutcome(null);
    const result = await replayWebhookDelivery({ deliveryId }).catch(() => null);
    setPending(false);
    if (!result) {
      setOutcome({
        tone: "error",
        title: "Replay failed",
        message: "We couldn't reach Tribedesk. Check your connection.",
        deliveryId: null,
      });
      return;
    }
    if (!result.ok) {
      setOutcome({ tone: "error", title: "Replay failed", message: result.error.message, deliveryId: null });
      return;
    }
    setOutcome(describe(result.data));
    // The replay is a new delivery: lists, metrics and this page's "related" all change.
    await queryClient.invalidateQueries({ queryKey: webhookKeys.store(storeId) });
  }

  return { replay, pending, outcome, dismiss: () => setOutcome(null) };
}

export function ReplayButton({ onReplay, pending }: { onReplay: () => void; pending: boolean }) {
  return (
    <Button
      onClick={onReplay}
      loading={pending}
      leadingIcon={<RotateCwIcon />}
      title="Run ingest again on the stored body and headers"
    >
      Replay
    </Button>
  );
}

export function ReplayOutcome({ outcome, onDismiss }: { outcome: Outcome; onDismiss: () => void }) {
  return (
    <Alert
      tone={outcome.tone}
      title={outcome.title}
      action={
        <Button variant="ghost" size="sm" onClick={onDismiss}>
          Dismiss
        </Button>
      }
    >
      <span data-testid="replay-result">{outcome.message}</span>
      {outcome.deliveryId ? (
        <>
          {" "}
          <Link href={deliveryHref(outcome.deliveryId)} className="font-medium underline underline-offset-2">
            Open the replay
          </Link>
        </>
      ) : null}
    </Alert>
  );
}
