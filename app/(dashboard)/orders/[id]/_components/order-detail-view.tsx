"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { useCallback } from "react";
import { NoteForm } from "@/components/customers/note-form";
import type { NoteViewer } from "@/components/customers/note-item";
import { TagChips } from "@/components/customers/tag-chip";
import { TagMenu } from "@/components/customers/tag-menu";
import { PrintMenu } from "@/components/documents/print-menu";
import { OrderChecks, OrderStatus } from "@/components/orders/order-badges";
import { OrderActions } from "@/components/orders/order-actions";
import { OrderSyncPanel } from "@/components/orders/order-sync-panel";
import { WhatsappMenu } from "@/components/orders/whatsapp-menu";
import { useClock } from "@/components/ui/use-clock";
import { useFeedStream, type FeedUpdate } from "@/components/orders/use-feed-stream";
import { Alert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { PageHeader } from "@/components/ui/page-header";
import type { TagDto } from "@/lib/customers/tag-schemas";
import { formatFull } from "@/lib/format/dates";
import { shortId } from "@/lib/format/ids";
import { formatMoney } from "@/lib/format/numbers";
import { fetchJson } from "@/lib/http/fetch-json";
import { orderKeys } from "@/lib/orders/keys";
import type { StoreTemplates } from "@/lib/orders/whatsapp/templates";
import { orderDetailSchema, type OrderDetailDto, type OrderStatus as Status } from "@/lib/orders/schemas";
import { DiffTable } from "./diff-table";
import { CustomerCard, OrderedCard } from "./order-facts";
import { OrderTimeline } from "./order-timeline";
import { StatusStepper } from "./status-stepper";

export type OrderDetailViewProps = {
  storeId: string;
  storeName: string;
  orderId: string;
  /** Who is looking: a note's Edit and Delete are offered to its author and to owners. */
  viewer: NoteViewer;
  /** The store's tags, for the order's tag menu. */
  tags: TagDto[];
  /** The store's own WhatsApp wording, for the WhatsApp menu. */
  whatsappTemplates: StoreTemplates;
};

/** The furthest status a cancelled order reached, from the status changes on its timeline. */
function reachedBeforeCancel(order: OrderDetailDto): Status | undefined {
  const order_: Status[] = ["started", "processing", "dispatched", "delivered"];
  let reached = 0;
  for (const entry of order.timeline) {
    if (entry.kind !== "event" || entry.type !== "status_requested") continue;
    const to = (entry.data as { to?: string } | null)?.to as Status | undefined;
    if (to && order_.indexOf(to) > reached) reached = order_.indexOf(to);
  }
  return order_[reached];
}

export function OrderDetailView({ storeId, storeName, orderId, viewer, tags, whatsappTemplates }: OrderDetailViewProps) {
  const queryClient = useQueryClient();
  // Hydrated by the page; re-read whenever the stream says this order changed.
  const { data: order } = useQuery({
    queryKey: orderKeys.detail(storeId, orderId),
    queryFn: ({ signal }) => fetchJson(`/api/orders/${orderId}`, orderDetailSchema, { signal }),
    staleTime: 30_000,
  });
  const onStream = useCallback(
    (event: FeedUpdate) => {
      if (event.type === "resync" || event.order.id === orderId) {
        void queryClient.invalidateQueries({ queryKey: orderKeys.detail(storeId, orderId) });
      }
      if (event.type === "order") void queryClient.invalidateQueries({ queryKey: orderKeys.lists(storeId) });
    },
    [orderId, queryClient, storeId],
  );
  const reread = useCallback(
    () => void queryClient.invalidateQueries({ queryKey: orderKeys.detail(storeId, orderId) }),
    [orderId, queryClient, storeId],
  );
  useFeedStream(onStream);
  // "Over 24 h" flags: a minute is fine enough.
  const now = useClock(60_000);
  if (!order) return null;

  const placed = order.placedAt ?? order.receivedAt;
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/orders" className="hover:text-fg inline-flex items-center gap-1">
            <ArrowLeft className="size-3.5" aria-hidden="true" /> Orders
          </Link>
        }
        title={
          <span className="inline-flex flex-wrap items-center gap-2">
            Order <span className="font-mono">{shortId(order.tribemadeOrderId)}</span>
            <OrderStatus order={order} now={now} />
            <OrderChecks order={order} />
            <TagChips tags={order.tags} />
          </span>
        }
        description={`Placed ${formatFull(placed)} · ${formatMoney(order.amount)} · ${order.customerName}${order.addedBy ? ` · Added by ${order.addedBy}` : ""}`}
        actions={
          <>
            <CopyButton value={order.tribemadeOrderId} label="Copy order id" size="md" />
            <TagMenu
              storeId={storeId}
              tags={tags}
              target={{ kind: "orders", ids: [order.id] }}
              applied={order.tags}
              onChanged={reread}
            />
            <PrintMenu target={{ kind: "orders", ids: [order.id] }} scope="This order" />
            <WhatsappMenu storeId={storeId} orderId={order.id} facts={{ ...order, storeName }} templates={whatsappTemplates} />
            <OrderActions storeId={storeId} order={order} />
          </>
        }
      />
      <div className="grid gap-6">
        <StatusStepper status={order.status} reached={order.status === "cancelled" ? reachedBeforeCancel(order) : undefined} />
        <OrderSyncPanel storeId={storeId} order={order} />
        {order.verification === "not_found" ? (
          <Alert tone="error" title="TribeMade's API does not know this order">
            It is hidden from the feed: it may not be a real TribeMade order. Check the webhook delivery before fulfilling it.
          </Alert>
        ) : null}
        {order.verification === "mismatch" && order.verificationDiff ? (
          <Alert tone="warning" title="TribeMade's API disagrees with the webhook">
            <DiffTable diff={order.verificationDiff} />
          </Alert>
        ) : null}
        <div className="grid items-start gap-6 lg:grid-cols-3">
          <div className="grid gap-6 lg:col-start-3 lg:row-start-1">
            <CustomerCard order={order} />
            <OrderedCard order={order} />
          </div>
          <Card className="min-w-0 lg:col-span-2 lg:col-start-1 lg:row-start-1">
            <CardHeader
              title="Timeline"
              description="Everything that happened to this order: each webhook, verification, status change and TribeMade's answers."
            />
            <OrderTimeline entries={order.timeline} notes={{ storeId, viewer, onChanged: reread }} />
            <div className="border-line border-t px-4 py-3">
              <NoteForm storeId={storeId} target={{ kind: "order", id: order.id }} onAdded={reread} />
            </div>
          </Card>
        </div>
      </div>
    </>
  );
}
