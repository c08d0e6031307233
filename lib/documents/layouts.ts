import "server-only";
import type PDFDocument from "pdfkit";
import { drawInvoice } from "@/lib/documents/render-invoice";
import { drawLabel, LABEL_HEIGHT, LABEL_WIDTH } from "@/lib/documents/render-label";
import { drawSlip } from "@/lib/documents/render-slip";
import type { InvoiceSnapshot, OrderPaper, Sender } from "@/lib/documents/paper-types";
import type { PdfLayout } from "@/lib/documents/pdf-stream";

// Which page each document is printed on. The A4 sheet puts four 4×6 labels in its quarters
// (A6 each: 4×6 in is 432 pt tall and two of them do not fit A4's 842, so each is scaled by 0.97),
// with dashed cut lines.

type Doc = InstanceType<typeof PDFDocument>;

const A4: [number, number] = [595.28, 841.89];
const A5: [number, number] = [419.53, 595.28];

export function labelLayout(sender: Sender): PdfLayout<OrderPaper> {
  return { size: [LABEL_WIDTH, LABEL_HEIGHT], perPage: 1, draw: (doc, order) => drawLabel(doc, order, sender) };
}

export function labelSheetLayout(sender: Sender): PdfLayout<OrderPaper> {
  const [width, height] = A4;
  const cellWidth = width / 2;
  const cellHeight = height / 2;
  const scale = Math.min(cellWidth / LABEL_WIDTH, cellHeight / LABEL_HEIGHT);
  return {
    size: A4,
    perPage: 4,
    draw: (doc, order, slot) => {
      const x = (slot % 2) * cellWidth + (cellWidth - LABEL_WIDTH * scale) / 2;
      const y = Math.floor(slot / 2) * cellHeight + (cellHeight - LABEL_HEIGHT * scale) / 2;
      doc.save();
      doc.translate(x, y).scale(scale);
      drawLabel(doc, order, sender);
      doc.restore();
    },
    decorate: (doc: Doc) => {
      doc.save();
      doc.dash(4, { space: 4 }).lineWidth(0.5).strokeColor("#999");
      doc.moveTo(cellWidth, 0).lineTo(cellWidth, height).stroke();
      doc.moveTo(0, cellHeight).lineTo(width, cellHeight).stroke();
      doc.undash().restore();
    },
  };
}

export function slipLayout(sender: Sender, paper: "a4" | "a5"): PdfLayout<OrderPaper> {
  const size = paper === "a4" ? A4 : A5;
  return { size, perPage: 1, draw: (doc, order) => drawSlip(doc, order, sender, size) };
}

export function invoiceLayout(): PdfLayout<InvoiceSnapshot> {
  return { size: A4, perPage: 1, draw: (doc, invoice) => drawInvoice(doc, invoice, A4) };
}
