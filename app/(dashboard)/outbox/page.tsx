import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requireMemberPage } from "@/lib/auth/page-guard";
import { outboxKeys } from "@/lib/outbox/keys";
import { getOutboxOverview } from "@/lib/outbox/queries";
import { getServerQueryClient } from "@/lib/query/server-query-client";
import { DrainNowButton } from "./_components/drain-now-button";
import { OutboxView } from "./_components/outbox-view";

export const metadata: Metadata = { title: "Outbox" };

export default async function OutboxPage() {
  const member = await requireMemberPage("/outbox");
  const storeId = member.store.id;
  const queryClient = getServerQueryClient();
  // JSON round trip: the browser's copy comes from the API route, so both must hold the same shape.
  await queryClient.prefetchQuery({ queryKey: outboxKeys.overview(storeId), queryFn: () => getOutboxOverview(member) });
  return (
    <>
      <PageHeader
        title="Outbox"
        description="Calls waiting to reach TribeMade and your fulfillment system, sent within TribeMade's rate limits."
        actions={<DrainNowButton storeId={storeId} />}
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <OutboxView key={storeId} storeId={storeId} isOwner={member.role === "owner"} />
      </HydrationBoundary>
    </>
  );
}
