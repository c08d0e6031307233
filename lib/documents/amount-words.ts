// An amount in words in the Indian system (lakh, crore), as invoices print it: "Rupees One Lakh
// Twenty-Five Thousand and Fifty Paise Only". Pure and client-safe. Hand-written: the npm
// converters (number-to-words, to-words) either use the Western system or carry 100+ locales.

const ONES = [
  "Zero",
  "One",
  "Two",
  "Three",
  "Four",
  "Five",
  "Six",
  "Seven",
  "Eight",
  "Nine",
  "Ten",
  "Eleven",
  "Twelve",
  "Thirteen",
  "Fourteen",
  "Fifteen",
  "Sixteen",
  "Seventeen",
  "Eighteen",
  "Nineteen",
];
const TENS = ["", "", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"];

function belowHundred(n: number): string {
  if (n < 20) return ONES[n] as string;
  const tens = TENS[Math.floor(n / 10)] as string;
  return n % 10 === 0 ? tens : `${tens}-${ONES[n % 10]}`;
}

function belowThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const parts = hundreds > 0 ? [`${ONES[hundreds]} Hundred`] : [];
  if (rest > 0) parts.push(belowHundred(rest));
  return parts.join(" ");
}

/** A whole number in Indian words: 12500000 → "One Crore Twenty-Five Lakh". */
export function indianWords(value: bigint): string {
  if (value < 0n) throw new Error("indianWords: negative");
  if (value === 0n) return "Zero";
  const crore = value / 10_000_000n;
  const rest = Number(value % 10_000_000n);
  const parts: string[] = [];
  // Beyond 99 crore the crore count itself is read in the same system ("One Hundred Crore").
  if (crore > 0n) parts.push(`${indianWords(crore)} Crore`);
  const lakh = Math.floor(rest / 100_000);
  const thousand = Math.floor((rest % 100_000) / 1_000);
  const below = rest % 1_000;
  if (lakh > 0) parts.push(`${belowHundred(lakh)} Lakh`);
  if (thousand > 0) parts.push(`${belowHundred(thousand)} Thousand`);
  if (below > 0) parts.push(belowThousand(below));
  return parts.join(" ");
}

/** Paise (an integer) in words as an invoice's "amount in words". */
export function rupeesInWords(paise: bigint): string {
  const rupees = paise / 100n;
  const cents = Number(paise % 100n);
  const words = `Rupees ${indianWords(rupees)}`;
  return cents > 0 ? `${words} and ${belowHundred(cents)} Paise Only` : `${words} Only`;
}
