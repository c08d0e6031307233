import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Money } from "@/components/ui/money";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { TimeAgo } from "@/components/ui/time-ago";
import type { ProductListRow } from "@/lib/products/queries";
import { ProductThumb } from "./product-thumb";
import { StockBadge } from "./stock-badge";

/** The list: image or initials, name, stock, visibility, price, units and revenue in 7 / 30 days, last order. */
export function ProductTable({ rows }: { rows: ProductListRow[] }) {
  if (rows.length === 0) {
    return (
      <Card className="text-fg-muted p-8 text-center text-sm">No products match. Clear the search or pick another filter.</Card>
    );
  }
  return (
    <Card className="overflow-hidden">
      <Table>
        <TableHeader>
          <TableRow>
            <TableHead>Product</TableHead>
            <TableHead className="text-right">Stock</TableHead>
            <TableHead className="hidden sm:table-cell">Price</TableHead>
            <TableHead className="hidden text-right md:table-cell">7 days</TableHead>
            <TableHead className="hidden text-right md:table-cell">30 days</TableHead>
            <TableHead className="hidden lg:table-cell">Last order</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.id} data-testid="product-row">
              <TableCell>
                <Link href={`/products/${row.id}`} className="flex min-w-0 items-center gap-3 font-medium hover:underline">
                  <ProductThumb name={row.name} image={row.image} />
                  <span className="min-w-0">
                    <span className="text-fg block truncate">{row.name}</span>
                    {/* Below md the sales columns are hidden: their 30-day figure rides under the name. */}
                    <span className="text-fg-muted block text-xs font-normal md:hidden">
                      <Units count={row.units30} /> in 30 days
                    </span>
                    <span className="mt-0.5 flex gap-1">
                      {row.gone ? <Badge tone="red">Gone at TribeMade</Badge> : null}
                      {row.isActive === false ? <Badge>Hidden</Badge> : null}
                    </span>
                  </span>
                </Link>
              </TableCell>
              <TableCell className="text-right">
                <StockBadge stock={row.stock} low={row.low} />
              </TableCell>
              <TableCell className="hidden sm:table-cell">
                <Money amount={row.currentPrice} />
                {row.mrp && row.currentPrice && row.mrp !== row.currentPrice ? (
                  <Money amount={row.mrp} className="text-fg-subtle ml-1.5 text-xs line-through" />
                ) : null}
              </TableCell>
              <TableCell className="hidden text-right md:table-cell">
                <Units count={row.units7} />
                <Money amount={row.revenue7} className="text-fg-muted block text-xs" />
              </TableCell>
              <TableCell className="hidden text-right md:table-cell">
                <Units count={row.units30} />
                <Money amount={row.revenue30} className="text-fg-muted block text-xs" />
              </TableCell>
              <TableCell className="text-fg-muted hidden lg:table-cell">
                {row.lastOrderAt ? <TimeAgo date={row.lastOrderAt.toISOString()} /> : "—"}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Card>
  );
}

function Units({ count }: { count: number }) {
  return (
    <>
      <span className="tabular-nums">{count}</span>{" "}
      <span className="text-fg-subtle text-xs">{count === 1 ? "unit" : "units"}</span>
    </>
  );
}
