import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import type { ProductDetail } from "@/lib/products/product-page";

function List({ values }: { values: string[] }) {
  return values.length > 0 ? <>{values.join(", ")}</> : <span className="text-fg-subtle">—</span>;
}

/** What TribeMade said about the product at the last read. */
export function ProductDetails({ product }: { product: ProductDetail }) {
  const rows: [string, React.ReactNode][] = [
    ["MRP", <Money key="mrp" amount={product.mrp} />],
    ["Price", <Money key="price" amount={product.currentPrice} />],
    ["Shipping", <Money key="ship" amount={product.shippingCost} />],
    ["Variations", <List key="v" values={product.variations} />],
    ["Sizes", <List key="s" values={product.sizes} />],
    ["Colours", <List key="c" values={product.colors} />],
    ["Internal note", product.internalNote || <span className="text-fg-subtle">—</span>],
    [
      "TribeMade id",
      <code key="id" className="text-xs break-all">
        {product.tribemadeProductId}
      </code>,
    ],
  ];
  return (
    <Card>
      <CardHeader title="Details" description="As TribeMade has them." />
      <CardContent>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {rows.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-fg-muted">{label}</dt>
              <dd className="text-fg min-w-0">{value}</dd>
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}
