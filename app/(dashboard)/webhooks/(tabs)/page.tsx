import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { requireMemberPage } from "@/lib/auth/page-guard";
import { getServerQueryClient } from "@/lib/query/server-query-client";
import { listDeliveries, listEndpoints } from "@/lib/webhooks/queries";
import { DELIVERY_PAGE_SIZE, deliveryFiltersSchema } from "@/lib/webhooks/schemas";
import { webhookKeys } from "@/lib/webhooks/keys";
import { DeliveriesView } from "./_components/deliveries-view";

export const metadata: Metadata = { title: "Webhook deliveries" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Server-rendered first page, hydrated into the same query the browser then polls (docs/code-style.md §15).
export default async function DeliveriesPage({ searchParams }: Props) {
  const member = await requireMemberPage("/webhooks");
  const storeId = member.store.id;
  const raw = await searchParams;
  const parsed = deliveryFiltersSchema.safeParse(
    Object.fromEntries(Object.entries(raw).filter(([, value]) => typeof value === "string")),
  );
  const filters = parsed.success ? parsed.data : ({ range: "all" } as const);

  const queryClient = getServerQueryClient();
  const [endpoints] = await Promise.all([
    listEndpoints(member),
    queryClient.prefetchQuery({
      queryKey: webhookKeys.deliveriesHead(storeId, filters),
      queryFn: () => listDeliveries(member, { ...filters, limit: DELIVERY_PAGE_SIZE }),
    }),
  ]);

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <DeliveriesView
        key={storeId}
        storeId={storeId}
        endpoints={endpoints.map((endpoint) => ({
          id: endpoint.id,
          label: endpoint.label,
          revoked: endpoint.revokedAt !== null,
        }))}
      />
    </HydrationBoundary>
  );
}
