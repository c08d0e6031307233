import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { z } from "zod";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { TimeAgo } from "@/components/ui/time-ago";
import { requireMemberPage } from "@/lib/auth/page-guard";
import { getProductPage } from "@/lib/products/product-page";
import { ProductThumb } from "../_components/product-thumb";
import { ProductDetails } from "./_components/product-details";
import { ProductEditCard } from "./_components/product-edit-card";
import { ProductOrders } from "./_components/product-orders";
import { ProductTimeline } from "./_components/product-timeline";
import { ReadNowButton } from "./_components/read-now-button";
import { UnitsChart } from "./_components/units-chart";

export const metadata: Metadata = { title: "Product" };

type Props = { params: Promise<{ id: string }> };

// /products/[id] — one product: stock and prices (editable), units per day, its orders, and the
// timeline of every stock change and edit with who and why.
export default async function ProductPage({ params }: Props) {
  const parsed = z.object({ id: z.uuid() }).safeParse(await params);
  if (!parsed.success) notFound();
  const { id } = parsed.data;
  const member = await requireMemberPage(`/products/${id}`);
  const page = await getProductPage(member, id);
  if (!page) notFound();
  const { product } = page;
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/products" className="inline-flex items-center gap-1 hover:underline">
            <ArrowLeft className="size-3" aria-hidden="true" /> Products
          </Link>
        }
        title={
          <span className="flex items-center gap-3">
            <ProductThumb name={product.name} image={product.image} />
            <span className="min-w-0 truncate">{product.name}</span>
          </span>
        }
        description={
          <span className="flex flex-wrap items-center gap-2">
            {product.goneAt ? <Badge tone="red">Gone at TribeMade</Badge> : null}
            {product.isActive === false ? <Badge>Hidden</Badge> : product.isActive ? <Badge tone="green">Visible</Badge> : null}
            <span>
              {product.lastReadAt ? (
                <>
                  Read from TribeMade <TimeAgo date={product.lastReadAt.toISOString()} />
                </>
              ) : (
                "Not read from TribeMade yet"
              )}
            </span>
          </span>
        }
        actions={<ReadNowButton storeId={member.store.id} productId={product.id} />}
      />
      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <ProductEditCard storeId={member.store.id} product={product} />
          <UnitsChart days={page.days} />
          <ProductOrders orders={page.orders} />
        </div>
        <div className="space-y-4">
          <ProductDetails product={product} />
          <ProductTimeline events={page.events} />
        </div>
      </div>
    </>
  );
}
