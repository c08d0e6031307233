// Every number the app shows: en-IN groups digits the Indian way (1,00,000) and prints ₹.
// Formatters are built once: cheap per row. Client-safe.

const count = new Intl.NumberFormat("en-IN");
const inr = new Intl.NumberFormat("en-IN", {
  style: "currency",
  currency: "INR",
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** 125000 → "1,25,000" */
export function formatCount(value: number): string {
  return count.format(value);
}

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

/** 512 → "512 B", 2048 → "2.0 KB", 20480 → "20 KB", 3 MiB → "3.0 MB" */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(size < 10 * 1024 ? 1 : 0)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}

/** "0.84 ms", "12 ms", "1.2 s"; "—" when there is no figure. */
export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return "—";
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}
