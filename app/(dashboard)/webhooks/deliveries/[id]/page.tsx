import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireMemberPage } from "@/lib/auth/page-guard";
import { getServerQueryClient } from "@/lib/query/server-query-client";
import { AppError } from "@/lib/http/app-error";
import { publicOrigin } from "@/lib/http/public-origin";
import { getDeliveryOrThrow } from "@/lib/webhooks/queries";
import { deliveryIdSchema } from "@/lib/webhooks/schemas";
import { webhookKeys } from "@/lib/webhooks/keys";
import { DeliveryDetailView } from "./_components/delivery-detail-view";

export const metadata: Metadata = { title: "Webhook delivery" };

type Props = { params: Promise<{ id: string }> };

export default async function DeliveryPage({ params }: Props) {
  const parsed = deliveryIdSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const { id } = parsed.data;
  const member = await requireMemberPage(`/webhooks/deliveries/${id}`);
  const storeId = member.store.id;

  const queryClient = getServerQueryClient();
  try {
    const delivery = await getDeliveryOrThrow(member, id);
    queryClient.setQueryData(webhookKeys.delivery(storeId, id), delivery);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <DeliveryDetailView storeId={storeId} deliveryId={id} origin={await publicOrigin()} />
    </HydrationBoundary>
  );
}
