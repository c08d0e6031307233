"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { PackageIcon } from "lucide-react";
import { saveProductTax } from "@/lib/documents/actions";
import { productTaxSchema, type ProductTaxRow } from "@/lib/documents/schemas";
import { GstRateOptions } from "./gst-rate-options";
import { formatCount } from "@/lib/format/numbers";

type Props = { storeId: string; products: ProductTaxRow[]; defaults: { hsn: string; gstRate: string } };

/** HSN and GST rate per product (products learnt from orders), each falling back to the store's default. */
export function ProductTaxesCard({ storeId, products, defaults }: Props) {
  return (
    <Card>
      <CardHeader
        title="Products"
        description={`HSN code and GST rate per product, for invoices. Empty uses the defaults above (HSN ${defaults.hsn || "none"}, ${defaults.gstRate} %).`}
      />
      {products.length === 0 ? (
        <EmptyState
          icon={<PackageIcon />}
          title="No products yet"
          description="Products appear here once orders for them arrive; until then invoices use the defaults."
        />
      ) : (
        <ul className="divide-line divide-y">
          {products.map((product) => (
            <ProductRow key={product.productId} storeId={storeId} product={product} />
          ))}
        </ul>
      )}
    </Card>
  );
}

function ProductRow({ storeId, product }: { storeId: string; product: ProductTaxRow }) {
  const [hsn, setHsn] = useState(product.hsn ?? "");
  const [gstRate, setGstRate] = useState(product.gstRate ?? "");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const id = `product-${product.productId}`;
  const name = product.productName ?? "Unnamed product";

  async function save() {
    const input = { storeId, productId: product.productId, hsn, gstRate };
    const parsed = productTaxSchema.safeParse(input);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Check this row.");
    setError(null);
    setPending(true);
    const result = await saveProductTax(input).catch(() => null);
    setPending(false);
    if (result?.ok) toast.success(`Saved ${name}`);
    else setError(result ? result.error.message : "We couldn't reach Tribedesk. Check your connection and try again.");
  }

  return (
    <li className="flex flex-wrap items-end gap-3 px-4 py-3 sm:px-5">
      <div className="min-w-0 flex-1 basis-48">
        <p className="text-fg truncate text-sm font-medium">{name}</p>
        <p className="text-fg-subtle truncate font-mono text-xs">
          {product.productId} · {formatCount(product.orders)} {product.orders === 1 ? "order" : "orders"}
        </p>
        {error ? (
          <p id={`${id}-error`} className="mt-1 text-xs text-red-600 dark:text-red-400">
            {error}
          </p>
        ) : null}
      </div>
      <label className="grid gap-1 text-xs">
        <span className="text-fg-muted">HSN</span>
        <Input
          value={hsn}
          onChange={(event) => setHsn(event.target.value)}
          placeholder="Default"
          inputMode="numeric"
          maxLength={8}
          className="w-28 font-mono"
          aria-label={`HSN for ${name}`}
          aria-describedby={error ? `${id}-error` : undefined}
          invalid={Boolean(error)}
        />
      </label>
      <label className="grid gap-1 text-xs">
        <span className="text-fg-muted">GST rate</span>
        <Select
          value={gstRate}
          onChange={(event) => setGstRate(event.target.value)}
          aria-label={`GST rate for ${name}`}
          wrapperClassName="w-28"
        >
          <option value="">Default</option>
          <GstRateOptions />
        </Select>
      </label>
      <Button size="sm" onClick={() => void save()} loading={pending}>
        Save
      </Button>
    </li>
  );
}
