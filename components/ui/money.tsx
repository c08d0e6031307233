import { cn } from "@/components/ui/cn";
import { formatMoney } from "@/lib/format/numbers";

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
