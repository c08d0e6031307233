import "server-only";
import type PDFDocument from "pdfkit";
import { drawCode128, drawQr } from "@/lib/documents/barcodes";
import type { OrderPaper, Sender } from "@/lib/documents/paper-types";
import { formatDate } from "@/lib/format/dates";

// The 4×6 in shipping label (288 × 432 pt, what thermal label printers take), drawn at (0, 0);
// the A4 sheet draws the same label scaled into each quarter. Top to bottom: the return address
// and PREPAID (TribeMade orders are paid before they reach us), the customer in large type, the
// order, and once dispatched the AWB as a Code 128 barcode beside the tracking link's QR code.

type Doc = InstanceType<typeof PDFDocument>;

export const LABEL_WIDTH = 288;
export const LABEL_HEIGHT = 432;
const PAD = 12;
const INNER = LABEL_WIDTH - 2 * PAD;

function rule(doc: Doc, y: number) {
  doc
    .moveTo(PAD, y)
    .lineTo(LABEL_WIDTH - PAD, y)
    .lineWidth(0.75)
    .stroke("#000");
}

export function drawLabel(doc: Doc, order: OrderPaper, sender: Sender): void {
  doc.fillColor("#000");
  // From: the return address, small.
  doc.font("bold").fontSize(7).text("FROM (RETURN ADDRESS)", PAD, PAD, { width: 170 });
  const from = [
    sender.name || sender.storeName,
    sender.address,
    sender.pincode ? `PIN ${sender.pincode}` : "",
    sender.phone ? `Ph ${sender.phone}` : "",
  ]
    .filter(Boolean)
    .join("\n");
  doc
    .font("regular")
    .fontSize(8)
    .text(from || "Add your return address in Settings → Paperwork", PAD, PAD + 10, {
      width: 170,
      height: 62,
      ellipsis: true,
    });
  // PREPAID, boxed.
  doc
    .rect(LABEL_WIDTH - PAD - 84, PAD, 84, 30)
    .lineWidth(1.5)
    .stroke("#000");
  doc
    .font("bold")
    .fontSize(15)
    .text("PREPAID", LABEL_WIDTH - PAD - 84, PAD + 7, { width: 84, align: "center" });
  doc
    .font("regular")
    .fontSize(7)
    .text("No cash to collect", LABEL_WIDTH - PAD - 84, PAD + 34, { width: 84, align: "center" });
  rule(doc, 84);

  // To: the customer, large.
  doc.font("bold").fontSize(8).text("SHIP TO", PAD, 92);
  doc.font("bold").fontSize(15).text(order.customer.name, PAD, 103, { width: INNER, height: 40, ellipsis: true });
  const address = order.customer.address;
  doc
    .font("regular")
    .fontSize(10.5)
    .text(address.lines.join("\n"), PAD, doc.y + 2, { width: INNER, height: 76, ellipsis: true });
  const pinY = Math.max(doc.y + 4, 190);
  doc.font("bold").fontSize(18).text(`PIN ${address.pincode}`, PAD, pinY, { width: 150 });
  if (address.state)
    doc
      .font("regular")
      .fontSize(9)
      .text(address.state.name, PAD + 150, pinY + 6, { width: INNER - 150, align: "right" });
  doc
    .font("regular")
    .fontSize(10.5)
    .text(`Phone ${order.customer.phone}`, PAD, doc.y + 2, { width: INNER });
  rule(doc, 252);

  // The order.
  doc.font("bold").fontSize(8).text("ORDER", PAD, 259);
  doc
    .font("regular")
    .fontSize(9)
    .text(order.tribemadeOrderId, PAD + 40, 259, { width: INNER - 40 });
  const product = `${order.productName ?? "Product"} × ${order.quantity}`;
  doc.font("bold").fontSize(10).text(product, PAD, 272, { width: INNER, height: 28, ellipsis: true });
  doc
    .font("regular")
    .fontSize(8)
    .text(`Placed ${formatDate(order.placedAt)}`, PAD, doc.y + 1, { width: INNER });
  rule(doc, 312);

  // Dispatch: the AWB and the tracking link.
  const qrSize = 84;
  if (order.awb) {
    doc.font("bold").fontSize(8).text("AWB", PAD, 320);
    drawCode128(doc, order.awb, { x: PAD, y: 332, width: INNER - qrSize - 14, height: 58, maxModule: 1.6 });
    doc
      .font("bold")
      .fontSize(11)
      .text(order.awb, PAD, 394, { width: INNER - qrSize - 8, align: "center" });
  } else {
    doc
      .font("regular")
      .fontSize(8)
      .fillColor("#555")
      .text(order.trackingUrl ? "Tracking link below (no AWB in it)" : "AWB: not dispatched yet", PAD, 350, {
        width: INNER - qrSize - 8,
      })
      .fillColor("#000");
  }
  if (order.trackingUrl) {
    drawQr(doc, order.trackingUrl, { x: LABEL_WIDTH - PAD - qrSize, y: 320, size: qrSize });
    doc
      .font("regular")
      .fontSize(6)
      .text("Track", LABEL_WIDTH - PAD - qrSize, 406, { width: qrSize, align: "center" });
  }
}
