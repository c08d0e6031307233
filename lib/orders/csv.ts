// CSV that opens cleanly in Excel, Google Sheets and LibreOffice: RFC 4180 quoting with CRLF line
// ends, times in IST as "2026-11-28 14:03:22" (parsed as a date-time, not text), amounts as plain
// numbers, and no formulas: a cell a customer controls that starts with =, +, -, @ (or a tab or
// carriage return, which some spreadsheets skip before one of those) is prefixed with ' so it is
// shown as text instead of run (OWASP "CSV injection"). The export prepends a UTF-8 BOM, without
// which Excel reads UTF-8 as the local code page. Pure and client-safe. Hand-written rather than
// csv-stringify: the quoting is a few lines, and the rest is ours either way (docs/decisions.md).

export const UTF8_BOM = "\uFEFF";

/** A number written as-is (never quoted, never neutralised), e.g. an amount "2048.00". */
export type CsvNumber = { number: string | number };
export type CsvValue = string | number | CsvNumber | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

/** One cell. Text is neutralised and quoted as needed; numbers pass through. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "object") {
    const text = String(value.number);
    // Only a real number is written bare; anything else goes through the text path.
    if (NUMBER.test(text)) return text;
    return csvCell(text);
  }
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: CsvValue[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}

const IST_OFFSET_MS = 330 * 60_000;

/** "2026-11-28 14:03:22": the instant in IST, in the layout spreadsheets parse as a date-time. */
export function formatIstCsv(value: Date | string | null | undefined): string {
  if (value === null || value === undefined) return "";
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return "";
  return new Date(date.getTime() + IST_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}
