import type { Metadata } from "next";
import { Boxes } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireMemberPage } from "@/lib/auth/page-guard";
import { countProducts, getStockSettings, listProducts } from "@/lib/products/queries";
import { productListQuerySchema } from "@/lib/products/schemas";
import { LearnButton } from "./_components/learn-button";
import { HideOutOfStockButton } from "./_components/hide-out-of-stock-button";
import { ProductFilters } from "./_components/product-filters";
import { ProductTable } from "./_components/product-table";

export const metadata: Metadata = { title: "Products" };

// /products — the store's products learnt from its orders: stock, price, sales; search, sort, filters in the URL.
export default async function ProductsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const member = await requireMemberPage("/products");
  const raw = await searchParams;
  const query = productListQuerySchema.parse({ q: one(raw.q), sort: one(raw.sort), filter: one(raw.filter) });
  const [list, total, settings] = await Promise.all([
    listProducts(member, query),
    countProducts(member),
    getStockSettings(member),
  ]);
  const storeId = member.store.id;
  return (
    <>
      <PageHeader
        title="Products"
        description={
          settings.stockKeeper === "tribedesk"
            ? "Learnt from your orders. Tribedesk keeps stock: each confirmed order lowers it at TribeMade, a cancellation raises it."
            : "Learnt from your orders and read from TribeMade, which keeps the stock."
        }
        actions={total > 0 ? <HideOutOfStockButton storeId={storeId} /> : null}
      />
      {total === 0 ? (
        <EmptyState
          icon={<Boxes />}
          title="No products yet"
          description="Products appear here after their first order is confirmed by TribeMade. Already have orders? Find their products now."
          action={<LearnButton storeId={storeId} />}
        />
      ) : (
        <div className="space-y-4">
          <ProductFilters query={query} />
          <ProductTable rows={list.rows} />
          {list.total > list.rows.length ? (
            <p className="text-fg-muted text-sm">
              Showing {list.rows.length} of {list.total}. Search to narrow the list.
            </p>
          ) : null}
        </div>
      )}
    </>
  );
}

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
