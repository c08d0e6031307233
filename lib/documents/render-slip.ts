import "server-only";
import type PDFDocument from "pdfkit";
import { drawCode128 } from "@/lib/documents/barcodes";
import type { OrderPaper, Sender } from "@/lib/documents/paper-types";
import { formatDate } from "@/lib/format/dates";

// The packing slip that goes in the box (A4 or A5): what was ordered with every choice the
// customer made (variation, size, colour, special instructions, answers to the product's custom
// questions), and the TribeMade order id as a Code 128 barcode for the packing bench's scanner.

type Doc = InstanceType<typeof PDFDocument>;

export function drawSlip(doc: Doc, order: OrderPaper, sender: Sender, [width, height]: [number, number]): void {
  const small = width < 500;
  const pad = small ? 28 : 40;
  const inner = width - 2 * pad;
  doc.fillColor("#000");
  doc
    .font("bold")
    .fontSize(small ? 14 : 18)
    .text(sender.storeName, pad, pad, { width: inner * 0.6 });
  doc
    .font("bold")
    .fontSize(small ? 11 : 13)
    .text("PACKING SLIP", pad + inner * 0.6, pad + 3, { width: inner * 0.4, align: "right" });
  let y = Math.max(doc.y, pad + 24) + 8;

  doc.font("regular").fontSize(9).text(`Order ${order.tribemadeOrderId}`, pad, y, { width: inner });
  doc.text(`Placed ${formatDate(order.placedAt)}`, pad, doc.y + 1, { width: inner });
  y = doc.y + 6;
  drawCode128(doc, order.tribemadeOrderId, { x: pad, y, width: Math.min(inner, 360), height: small ? 34 : 40, maxModule: 1 });
  y += (small ? 34 : 40) + 14;

  doc.font("bold").fontSize(9).text("SHIP TO", pad, y);
  doc
    .font("bold")
    .fontSize(11)
    .text(order.customer.name, pad, doc.y + 2, { width: inner });
  const address = [...order.customer.address.lines, `PIN ${order.customer.address.pincode}`, `Phone ${order.customer.phone}`];
  doc
    .font("regular")
    .fontSize(10)
    .text(address.join("\n"), pad, doc.y + 1, { width: inner });
  y = doc.y + 14;

  // Items: TribeMade orders hold one product with a quantity (docs/tribemade-api.md §3.5).
  const qtyWidth = 50;
  doc.rect(pad, y, inner, 18).fill("#eee").fillColor("#000");
  doc
    .font("bold")
    .fontSize(9)
    .text("Item", pad + 6, y + 5, { width: inner - qtyWidth - 12 });
  doc.text("Qty", pad + inner - qtyWidth, y + 5, { width: qtyWidth - 6, align: "right" });
  y += 24;
  doc
    .font("bold")
    .fontSize(11)
    .text(order.productName ?? "Product", pad + 6, y, { width: inner - qtyWidth - 12 });
  doc
    .font("bold")
    .fontSize(14)
    .text(String(order.quantity), pad + inner - qtyWidth, y, { width: qtyWidth - 6, align: "right" });
  const choices = [
    ["Variation", order.variation],
    ["Size", order.size],
    ["Colour", order.color],
  ].filter((pair): pair is [string, string] => Boolean(pair[1]));
  doc.font("regular").fontSize(10);
  for (const [name, value] of choices) doc.text(`${name}: ${value}`, pad + 6, doc.y + 2, { width: inner - qtyWidth - 12 });
  if (order.productId)
    doc
      .fontSize(8)
      .fillColor("#555")
      .text(`Product ${order.productId}`, pad + 6, doc.y + 3)
      .fillColor("#000");
  y = doc.y + 10;
  doc
    .moveTo(pad, y)
    .lineTo(pad + inner, y)
    .lineWidth(0.5)
    .stroke("#999");
  y += 10;

  if (order.specialInstructions) {
    doc.font("bold").fontSize(9).text("SPECIAL INSTRUCTIONS", pad, y);
    doc
      .font("regular")
      .fontSize(11)
      .text(order.specialInstructions, pad, doc.y + 2, { width: inner });
    y = doc.y + 12;
  }
  const answered = order.customQuestions.filter((entry) => entry.question || entry.answer);
  if (answered.length > 0) {
    doc.font("bold").fontSize(9).text("CUSTOMER'S ANSWERS", pad, y);
    for (const entry of answered) {
      doc
        .font("bold")
        .fontSize(10)
        .text(entry.question ?? "Question", pad, doc.y + 4, { width: inner });
      doc
        .font("regular")
        .fontSize(10)
        .text(entry.answer ?? "—", pad, doc.y + 1, { width: inner });
    }
  }

  doc
    .font("regular")
    .fontSize(8)
    .fillColor("#555")
    .text(`Thank you for shopping with ${sender.storeName.replace(/\.$/, "")}.`, pad, height - pad - 10, {
      width: inner,
      align: "center",
      lineBreak: false,
    })
    .fillColor("#000");
}
