import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireMemberPage } from "@/lib/auth/page-guard";
import { listTags } from "@/lib/customers/tag-queries";
import { AppError } from "@/lib/http/app-error";
import { orderKeys } from "@/lib/orders/keys";
import { getOrderOrThrow } from "@/lib/orders/queries";
import { orderIdSchema } from "@/lib/orders/schemas";
import { getStoreTemplates } from "@/lib/orders/whatsapp/queries";
import { getServerQueryClient } from "@/lib/query/server-query-client";
import { OrderDetailView } from "./_components/order-detail-view";

export const metadata: Metadata = { title: "Order" };

type Props = { params: Promise<{ id: string }> };

export default async function OrderPage({ params }: Props) {
  const parsed = orderIdSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const { id } = parsed.data;
  const member = await requireMemberPage(`/orders/${id}`);
  const queryClient = getServerQueryClient();
  const [tags, whatsappTemplates] = await Promise.all([listTags(member), getStoreTemplates(member)]);
  try {
    const order = await getOrderOrThrow(member, id);
    queryClient.setQueryData(orderKeys.detail(member.store.id, id), order);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <OrderDetailView
        key={id}
        storeId={member.store.id}
        storeName={member.store.name}
        orderId={id}
        viewer={{ userId: member.user.id, owner: member.role === "owner" }}
        tags={tags}
        whatsappTemplates={whatsappTemplates}
      />
    </HydrationBoundary>
  );
}
