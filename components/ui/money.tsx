import { cn } from "@/components/ui/cn";

// en-IN groups digits the Indian way (1,00,000) and prints ₹. Formatter built once: cheap per row.
const inr = new Intl.NumberFormat("en-IN", {
  style: "currency",
  currency: "INR",
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/**
 * `formatMoney(1299)` → "₹1,299.00"; `formatMoney("125000.5")` → "₹1,25,000.50".
 * Accepts the string form of a Prisma Decimal, formatted without a float round-trip.
 */
export function formatMoney(amount: number | string): string {
  const value = typeof amount === "string" ? amount.trim() : amount;
  if (value === "" || !Number.isFinite(Number(value))) return "—";
  // Intl formats decimal strings exactly (Intl.NumberFormat v3): no float round-trip for Decimals.
  return inr.format(value as number | Intl.StringNumericLiteral);
}

export type MoneyProps = {
  /** Rupees (not paise), as TribeMade sends them. */
  amount: number | string | null | undefined;
  className?: string;
};

/** An INR amount with tabular digits, so columns of amounts line up. */
export function Money({ amount, className }: MoneyProps) {
  if (amount === null || amount === undefined) {
    return <span className={cn("text-fg-subtle", className)}>—</span>;
  }
  return <span className={cn("tabular-nums", className)}>{formatMoney(amount)}</span>;
}
