import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { requireMemberPage } from "@/lib/auth/page-guard";
import { listTags } from "@/lib/customers/tag-queries";
import { orderKeys } from "@/lib/orders/keys";
import { parseFilters } from "@/lib/orders/orders-url";
import { countOpenOrders, getOrderGlance, listOrders } from "@/lib/orders/queries";
import { ORDER_PAGE_SIZE } from "@/lib/orders/schemas";
import { getStoreTemplates } from "@/lib/orders/whatsapp/queries";
import { getServerQueryClient } from "@/lib/query/server-query-client";
import { RefusedDeliveriesBanner } from "@/components/webhooks/refused-deliveries-banner";
import { OrdersView } from "./_components/orders-view";

export const metadata: Metadata = { title: "Orders" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The page a merchant lands on after signing in. The first page, the tab counts and the glance are
// rendered on the server and hydrated into the queries the browser then keeps live (docs/code-style.md §15).
export default async function OrdersPage({ searchParams }: Props) {
  const member = await requireMemberPage("/orders");
  const storeId = member.store.id;
  const filters = parseFilters(await searchParams);
  const { status: _status, ...countFilters } = filters;

  const queryClient = getServerQueryClient();
  const [tags, whatsappTemplates] = await Promise.all([
    listTags(member),
    getStoreTemplates(member),
    queryClient.prefetchQuery({
      queryKey: orderKeys.head(storeId, filters),
      queryFn: () => listOrders(member, { ...filters, limit: ORDER_PAGE_SIZE }),
    }),
    queryClient.prefetchQuery({
      queryKey: orderKeys.counts(storeId, countFilters),
      queryFn: () => countOpenOrders(member, countFilters),
    }),
    queryClient.prefetchQuery({ queryKey: orderKeys.glance(storeId), queryFn: () => getOrderGlance(member) }),
  ]);

  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <RefusedDeliveriesBanner member={member} />
      <OrdersView
        key={storeId}
        storeId={storeId}
        userId={member.user.id}
        tags={tags}
        whatsapp={{ storeName: member.store.name, templates: whatsappTemplates }}
      />
    </HydrationBoundary>
  );
}
