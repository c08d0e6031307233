// What a "documents_printed" timeline event printed, in words. Client-safe.

const PRINTED: Record<string, string> = {
  label: "the shipping label",
  "label-sheet": "the shipping label (A4 sheet)",
  "slip-a4": "the packing slip",
  "slip-a5": "the packing slip (A5)",
  invoice: "the invoice",
};

/** "the invoice INV/2627/00042", "the shipping label (in one file with 11 other orders)". */
export function printedWhat(data: Record<string, unknown>): string {
  const document = typeof data.document === "string" ? data.document : "";
  const what = PRINTED[document] ?? "a document";
  const number = typeof data.invoiceNumber === "string" ? ` ${data.invoiceNumber}` : "";
  const others = typeof data.inFile === "number" && data.inFile > 1 ? ` (in one file with ${data.inFile - 1} other orders)` : "";
  return `${what}${number}${others}`;
}
