// CSV that opens cleanly in Excel, Google Sheets and LibreOffice: RFC 4180 quoting with CRLF line
// ends, times in IST as "2026-11-28 14:03:22" (parsed as a date-time, not text), amounts as plain
// numbers, and no formulas: a cell a customer controls that starts with =, +, -, @ (or a tab or
// carriage return, which some spreadsheets skip before one of those) is prefixed with ' so it is
// shown as text instead of run (OWASP "CSV injection"). Where Excel's list separator is ";" (much of
// Europe) or a file is opened as tab-separated, an unquoted "Ravi;=cmd|' /C calc'!A0" is two cells,
// the second a formula: cells with a comma, semicolon, tab or line break are quoted, and a formula
// character after one of those (and any spaces) gets the same ' for tools that ignore quotes. The export prepends a UTF-8 BOM, without
// which Excel reads UTF-8 as the local code page. Pure and client-safe. Hand-written rather than
// csv-stringify: the quoting is a few lines, and the rest is ours either way (docs/decisions.md).

export const UTF8_BOM = "\uFEFF";

/** A number written as-is (never quoted, never neutralised), e.g. an amount "2048.00". */
export type CsvNumber = { number: string | number };
export type CsvValue = string | number | CsvNumber | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
/** A separator some locale or tool splits on, or a line break, then spaces and a formula character. */
const FORMULA_AFTER_SEPARATOR = /([,;\t\r\n] *)(?=[=+\-@])/g;
const NEEDS_QUOTES = /[",;\t\r\n]|^\s|\s$/;
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
  const inner = value.replace(FORMULA_AFTER_SEPARATOR, "$1'");
  const text = FORMULA_START.test(inner) ? `'${inner}` : inner;
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
