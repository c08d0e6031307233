import "server-only";
import type PDFDocument from "pdfkit";
import type { InvoiceSnapshot } from "@/lib/documents/paper-types";
import { formatDate } from "@/lib/format/dates";
import { formatMoney } from "@/lib/format/numbers";

// The GST tax invoice (or bill of supply, for a merchant without a GSTIN) on A4, with what CGST
// Rule 46 asks for: the supplier's name, address and GSTIN; a serial number of at most 16
// characters unique for the financial year; the date; the recipient's name and delivery address
// with state name and code; HSN; description; quantity; value and taxable value; the rate and
// amount of CGST + SGST or IGST; the place of supply with state name; whether tax is payable on
// reverse charge; the signature line. It draws `Invoice.snapshot` only, so a re-print is the same
// document.

type Doc = InstanceType<typeof PDFDocument>;
type Column = { title: string; width: number; align?: "left" | "right"; value: string };

const stateText = (state: { name: string; code: string } | null) => (state ? `${state.name} (code ${state.code})` : "—");

export function drawInvoice(doc: Doc, invoice: InvoiceSnapshot, [width]: [number, number]): void {
  const pad = 40;
  const inner = width - 2 * pad;
  const tax = invoice.kind === "tax_invoice";
  doc.fillColor("#000");
  doc
    .font("bold")
    .fontSize(16)
    .text(tax ? "TAX INVOICE" : "BILL OF SUPPLY", pad, pad, { width: inner, align: "center" });
  doc.font("regular").fontSize(8).text("Original for recipient", pad, doc.y, { width: inner, align: "center" });

  // Supplier (left) and the invoice's identifiers (right).
  const top = doc.y + 14;
  const half = inner / 2 - 8;
  const { seller } = invoice;
  doc.font("bold").fontSize(11).text(seller.name, pad, top, { width: half });
  doc
    .font("regular")
    .fontSize(9)
    .text(seller.address, pad, doc.y + 1, { width: half });
  if (seller.phone) doc.text(`Phone ${seller.phone}`, pad, doc.y, { width: half });
  doc.text(seller.gstin ? `GSTIN ${seller.gstin}` : "Not registered for GST", pad, doc.y + 2, { width: half });
  doc.text(`State ${stateText(seller.state)}`, pad, doc.y, { width: half });
  const leftEnd = doc.y;

  const facts: Array<[string, string]> = [
    [tax ? "Invoice no." : "Bill no.", invoice.number],
    ["Date", formatDate(invoice.issuedAt)],
    ["Order", invoice.order.tribemadeOrderId],
    ["Order date", formatDate(invoice.order.placedAt)],
    ["Place of supply", stateText(invoice.placeOfSupply)],
    ["Reverse charge", "No"],
  ];
  let y = top;
  for (const [name, value] of facts) {
    doc
      .font("bold")
      .fontSize(9)
      .text(name, pad + inner / 2 + 8, y, { width: 80 });
    doc
      .font("regular")
      .fontSize(9)
      .text(value, pad + inner / 2 + 90, y, { width: half - 82 });
    y = doc.y + 2;
  }
  y = Math.max(leftEnd, y) + 12;

  // Recipient: TribeMade's customers are consumers (unregistered), billed and shipped to one address.
  doc.rect(pad, y, inner, 0.5).fill("#999").fillColor("#000");
  y += 8;
  const { buyer } = invoice;
  doc.font("bold").fontSize(9).text("BILL TO / SHIP TO", pad, y);
  doc
    .font("bold")
    .fontSize(10)
    .text(buyer.name, pad, doc.y + 2, { width: inner });
  const buyerLines = [
    ...buyer.address.lines,
    `PIN ${buyer.address.pincode}`,
    `State ${stateText(invoice.placeOfSupply)}`,
    `Phone ${buyer.phone}`,
  ];
  doc
    .font("regular")
    .fontSize(9)
    .text(buyerLines.join("\n"), pad, doc.y + 1, { width: inner });
  y = doc.y + 14;

  y = drawLineTable(doc, invoice, pad, y, inner);

  doc
    .font("bold")
    .fontSize(9)
    .text("Amount in words", pad, y + 4);
  doc
    .font("regular")
    .fontSize(10)
    .text(invoice.amountInWords, pad, doc.y + 2, { width: inner });
  doc
    .fontSize(8)
    .fillColor("#444")
    .text(
      tax
        ? "Prices include GST. Tax is not payable on reverse charge."
        : "Supplier not registered under GST: no tax is charged on this bill of supply.",
      pad,
      doc.y + 8,
      { width: inner },
    )
    .fillColor("#000");

  const signY = doc.y + 36;
  doc
    .font("bold")
    .fontSize(9)
    .text(`For ${seller.name}`, pad + inner / 2, signY, { width: inner / 2, align: "right" });
  doc
    .font("regular")
    .fontSize(8)
    .text("Authorised signatory", pad + inner / 2, signY + 34, { width: inner / 2, align: "right" });
}

function drawLineTable(doc: Doc, invoice: InvoiceSnapshot, x: number, y: number, width: number): number {
  const { line } = invoice;
  const tax = invoice.kind === "tax_invoice";
  const money = (value: string) => formatMoney(value);
  const taxColumns: Column[] = !tax
    ? []
    : invoice.intraState
      ? [
          { title: `CGST ${Number(line.rate) / 2}%`, width: 56, align: "right", value: money(line.cgst) },
          { title: `SGST ${Number(line.rate) / 2}%`, width: 56, align: "right", value: money(line.sgst) },
        ]
      : [{ title: `IGST ${line.rate}%`, width: 64, align: "right", value: money(line.igst) }];
  const fixed: Column[] = [
    { title: "HSN", width: 54, value: line.hsn ?? "—" },
    { title: "Qty", width: 28, align: "right", value: String(line.quantity) },
    { title: "Unit price", width: 60, align: "right", value: money(line.unitPrice) },
    ...(tax ? [{ title: "Taxable value", width: 66, align: "right" as const, value: money(line.taxable) }] : []),
    ...taxColumns,
    { title: "Total", width: 66, align: "right", value: money(line.total) },
  ];
  const descriptionWidth = width - fixed.reduce((sum, column) => sum + column.width, 0);
  const description = line.details ? `${line.description}\n${line.details}` : line.description;
  const columns: Column[] = [{ title: "Description", width: descriptionWidth, value: description }, ...fixed];

  doc.rect(x, y, width, 20).fill("#eee").fillColor("#000");
  let cx = x;
  for (const column of columns) {
    doc
      .font("bold")
      .fontSize(8)
      .text(column.title, cx + 4, y + 6, { width: column.width - 8, align: column.align ?? "left" });
    cx += column.width;
  }
  y += 26;
  cx = x;
  let bottom = y;
  for (const column of columns) {
    doc
      .font("regular")
      .fontSize(9)
      .text(column.value, cx + 4, y, { width: column.width - 8, align: column.align ?? "left" });
    bottom = Math.max(bottom, doc.y);
    cx += column.width;
  }
  y = bottom + 8;
  doc.rect(x, y, width, 0.5).fill("#999").fillColor("#000");
  y += 8;

  const totals: Array<[string, string]> = tax
    ? [
        ["Taxable value", money(line.taxable)],
        ...(invoice.intraState
          ? ([
              ["CGST", money(line.cgst)],
              ["SGST", money(line.sgst)],
            ] as Array<[string, string]>)
          : ([["IGST", money(line.igst)]] as Array<[string, string]>)),
        ["Invoice total", money(line.total)],
      ]
    : [["Total", money(line.total)]];
  for (const [name, value] of totals) {
    const last = name === "Invoice total" || name === "Total";
    doc.font(last ? "bold" : "regular").fontSize(last ? 11 : 9);
    doc.text(name, x + width - 240, y, { width: 140, align: "right" });
    doc.text(value, x + width - 96, y, { width: 92, align: "right" });
    y = doc.y + 3;
  }
  return y + 6;
}
