import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { requireMemberPage } from "@/lib/auth/page-guard";
import { getServerQueryClient } from "@/lib/query/server-query-client";
import { getDeliveryMetrics } from "@/lib/webhooks/metrics";
import { webhookKeys } from "@/lib/webhooks/keys";
import { MetricsView } from "./_components/metrics-view";

export const metadata: Metadata = { title: "Webhook metrics" };

export default async function MetricsPage() {
  const member = await requireMemberPage("/webhooks/metrics");
  const storeId = member.store.id;
  const queryClient = getServerQueryClient();
  await queryClient.prefetchQuery({ queryKey: webhookKeys.metrics(storeId), queryFn: () => getDeliveryMetrics(member) });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <MetricsView key={storeId} storeId={storeId} />
    </HydrationBoundary>
  );
}
