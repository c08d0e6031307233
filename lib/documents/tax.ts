import { toPaise } from "@/lib/documents/money";

// The GST in a tax-inclusive price (TribeMade charges customers one amount, GST included):
// taxable value = total × 100 / (100 + rate). Within the supplier's state the tax is CGST + SGST
// (half the rate each), across states IGST (IGST Act s.7–8: the place of supply is where goods
// are delivered). Integer paise throughout; CGST and SGST are the same amount, and the taxable
// value takes the rounding, so the lines always add up to what the customer paid. Pure.

export type TaxSplit = {
  total: bigint;
  taxable: bigint;
  cgst: bigint;
  sgst: bigint;
  igst: bigint;
  /** Percent as a decimal string ("18", "2.5"): the rate on the invoice. */
  rate: string;
  intraState: boolean;
};

/** Rounds a non-negative rational numerator / denominator to the nearest integer (halves up). */
function roundDiv(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** `rate` in percent with up to 2 decimals ("18", "18.00", "0.25"). */
export function splitInclusiveTax(totalPaise: bigint, rate: string, intraState: boolean): TaxSplit {
  if (totalPaise < 0n) throw new Error("splitInclusiveTax: negative total");
  const hundredths = toPaise(rate); // the same two-decimal parse: 18.00 → 1800
  const denominator = 10_000n + hundredths;
  const clean = String(Number(rate));
  if (intraState) {
    const half = roundDiv(totalPaise * hundredths, denominator * 2n);
    return { total: totalPaise, taxable: totalPaise - 2n * half, cgst: half, sgst: half, igst: 0n, rate: clean, intraState };
  }
  const igst = roundDiv(totalPaise * hundredths, denominator);
  return { total: totalPaise, taxable: totalPaise - igst, cgst: 0n, sgst: 0n, igst, rate: clean, intraState };
}
