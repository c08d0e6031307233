import { Badge } from "@/components/ui/badge";

/** Stock with its state: out (red), low (amber), unknown until TribeMade is read. */
export function StockBadge({ stock, low }: { stock: number | null; low: boolean }) {
  if (stock === null) return <span className="text-fg-subtle text-sm">Not read yet</span>;
  if (stock === 0) return <Badge tone="red">Out of stock</Badge>;
  if (low) return <Badge tone="amber">{stock} left</Badge>;
  return <span className="tabular-nums">{stock}</span>;
}
