"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { PageHeader } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/ui/status-badge";
import { buildCurl } from "@/lib/webhooks/curl";
import { deliveryDetailSchema } from "@/lib/webhooks/schemas";
import { webhookKeys } from "@/lib/webhooks/keys";
import { base64ToBytes, decodeBody } from "@/lib/webhooks/body-bytes";
import { BodyViewer } from "./body-viewer";
import { CompareCard } from "./compare-card";
import { DeliverySummary } from "./delivery-summary";
import { fetchJson } from "@/lib/http/fetch-json";
import { formatBytes } from "@/lib/format/numbers";
import { HeadersCard } from "./headers-card";
import { ReplayButton, ReplayOutcome, useReplay } from "./replay-button";
import { ValidationCard } from "./validation-card";
import { formatFull } from "@/lib/format/dates";

export type DeliveryDetailViewProps = { storeId: string; deliveryId: string; origin: string | null };

export function DeliveryDetailView({ storeId, deliveryId, origin }: DeliveryDetailViewProps) {
  // Hydrated by the page; refetched after a replay (its "related" list grows).
  const { data: delivery } = useQuery({
    queryKey: webhookKeys.delivery(storeId, deliveryId),
    queryFn: ({ signal }) => fetchJson(`/api/deliveries/${deliveryId}`, deliveryDetailSchema, { signal }),
    staleTime: 60_000,
  });
  const body = useMemo(() => (delivery ? decodeBody(base64ToBytes(delivery.bodyBase64)) : null), [delivery]);
  const curl = useMemo(
    () => (delivery && body ? buildCurl({ body: body.bytes, headers: delivery.headers, origin }) : ""),
    [delivery, body, origin],
  );
  const replay = useReplay(storeId, deliveryId);
  if (!delivery || !body) return null;

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/webhooks" className="hover:text-fg">
            ← Deliveries
          </Link>
        }
        title={
          <span className="inline-flex flex-wrap items-center gap-2">
            Delivery
            <StatusBadge kind="delivery" value={delivery.outcome} />
            {delivery.replayOfId ? <Badge tone="violet">Replay</Badge> : null}
          </span>
        }
        description={`${formatFull(delivery.receivedAt)} · ${delivery.endpointLabel}`}
        actions={
          <>
            {delivery.purgedAt ? null : (
              <>
                <CopyButton value={curl} label="Copy as curl" size="md" />
                <ReplayButton onReplay={() => void replay.replay()} pending={replay.pending} />
              </>
            )}
          </>
        }
      />
      {replay.outcome ? (
        <div className="mb-6">
          <ReplayOutcome outcome={replay.outcome} onDismiss={replay.dismiss} />
        </div>
      ) : null}
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <div className="grid gap-6 lg:col-start-3 lg:row-start-1">
          <DeliverySummary delivery={delivery} />
          <ValidationCard errors={delivery.errors} warnings={delivery.warnings} />
        </div>
        <div className="grid min-w-0 gap-6 lg:col-span-2 lg:col-start-1 lg:row-start-1">
          {delivery.purgedAt ? (
            <Alert tone="info" title={`Body and headers purged ${formatFull(delivery.purgedAt)}`}>
              The store keeps raw payloads for a set number of days (Settings → Store). This delivery&apos;s outcome, size (
              {formatBytes(delivery.bodySize)}) and SHA-256{" "}
              <code className="font-mono text-xs break-all">{delivery.bodySha256}</code> remain; its order keeps everything it was
              recorded with.
            </Alert>
          ) : (
            <>
              <BodyViewer body={body} size={delivery.bodySize} sha256={delivery.bodySha256} />
              <HeadersCard headers={delivery.headers} />
            </>
          )}
          {/* Without a readable order_id there is no other delivery of "the same order". */}
          {delivery.orderRef ? (
            <CompareCard key={delivery.related.map((row) => row.id).join()} storeId={storeId} current={delivery} body={body} />
          ) : null}
        </div>
      </div>
      <p className="text-fg-subtle mt-6 text-xs">
        “Copy as curl” sends these exact bytes with the original Content-Type.{" "}
        {origin
          ? "Replace <token> with the secret at the end of your webhook URL."
          : "Replace <your-webhook-url> with your webhook URL."}{" "}
        A replay runs the same checks as a delivery from TribeMade; an order already recorded answers duplicate.
      </p>
    </>
  );
}
