// Money on documents as integer paise (bigint): amounts come from PostgreSQL as exact decimal
// strings, and tax splits must add up to the paisa. Pure.

/** "2048.5" / "2048.50" / 2048 → 204850n. */
export function toPaise(amount: string | number): bigint {
  const text = typeof amount === "number" ? amount.toFixed(2) : amount.trim();
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) throw new Error(`toPaise: not an amount: ${text}`);
  const paise = BigInt(match[2] as string) * 100n + BigInt((match[3] ?? "0").padEnd(2, "0"));
  return match[1] ? -paise : paise;
}

/** 204850n → "2048.50": the decimal string lib/format/numbers formats exactly. */
export function paiseToDecimal(paise: bigint): string {
  const sign = paise < 0n ? "-" : "";
  const abs = paise < 0n ? -paise : paise;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, "0")}`;
}
