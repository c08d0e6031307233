// India's financial year runs April to March; invoice numbers restart each year (CGST Rule 46(b):
// "a consecutive serial number … unique for a financial year", at most 16 characters, letters,
// digits, "-" and "/"). The year is the merchant's (IST), so an invoice at 00:30 IST on 1 April
// opens the new series. Pure.

const IST_OFFSET_MS = 330 * 60_000;

/** "2026-27" for any moment from 1 Apr 2026 00:00 IST to 31 Mar 2027 23:59:59 IST. */
export function financialYearOf(at: Date): string {
  const ist = new Date(at.getTime() + IST_OFFSET_MS);
  const year = ist.getUTCFullYear();
  const start = ist.getUTCMonth() >= 3 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
}

export const MAX_INVOICE_NUMBER_LENGTH = 16;
/** The prefix is at most 5 characters, so numbers up to 99,999 a year always fit in 16. */
export const MAX_PREFIX_LENGTH = 5;
export const INVOICE_PREFIX_PATTERN = /^[A-Z0-9]{1,5}$/;

/** "INV" + "2026-27" + 42 → "INV/2627/00042"; null when it would pass 16 characters. */
export function invoiceNumber(prefix: string, financialYear: string, sequence: number): string | null {
  const years = financialYear.slice(2, 4) + financialYear.slice(5, 7);
  const number = `${prefix}/${years}/${String(sequence).padStart(5, "0")}`;
  return number.length <= MAX_INVOICE_NUMBER_LENGTH ? number : null;
}
