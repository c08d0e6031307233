import { writeFileSync } from "node:fs";
import { labelLayout, labelSheetLayout, slipLayout, invoiceLayout } from "@/lib/documents/layouts";
import { pdfStream } from "@/lib/documents/pdf-stream";
import type { OrderPaper, InvoiceSnapshot, Sender } from "@/lib/documents/paper-types";

const sender: Sender = { storeName: "Chai & Co.", name: "Chai & Co. Returns", address: "14, 2nd Cross, Indiranagar, Bengaluru, Karnataka", pincode: "560038", phone: "+91 80 4000 1234" };
const order: OrderPaper = {
  id: "x", tribemadeOrderId: "770e8400-e29b-41d4-a716-446655440789", status: "dispatched", placedAt: new Date(),
  customer: { name: "राजेश कुमार शर्मा", phone: "+91 98765 43210", email: "r@example.in", address: { lines: ["123, MG Road, Apartment 4B", "Andheri East, Mumbai, Maharashtra"], pincode: "400001", state: { code: "27", name: "Maharashtra" } } },
  productId: "p-1", productName: "Masala Chai Gift Box", quantity: 2, amount: "125000.50", variation: "Classic", size: "500 g", color: null,
  specialInstructions: "Please gift wrap — it's for Diwali", customQuestions: [{ question: "Name on the card?", answer: "प्रिया" }],
  trackingUrl: "https://www.delhivery.com/track/package/1610000000001", awb: "1610000000001",
};
const invoice: InvoiceSnapshot = {
  kind: "tax_invoice", number: "INV/2627/00042", issuedAt: new Date().toISOString(),
  seller: { name: "Chai and Company Private Limited", address: "14, 2nd Cross, Indiranagar, Bengaluru 560038", gstin: "29AAACR5055K1ZJ", state: { code: "29", name: "Karnataka" }, phone: "" },
  buyer: order.customer, placeOfSupply: { code: "27", name: "Maharashtra" }, order: { tribemadeOrderId: order.tribemadeOrderId, placedAt: new Date().toISOString() },
  line: { description: "Masala Chai Gift Box", details: "Classic · 500 g", hsn: "0902", quantity: 2, unitPrice: "62500.25", taxable: "119048.10", rate: "5", cgst: "0.00", sgst: "0.00", igst: "5952.40", total: "125000.50" },
  intraState: false, amountInWords: "Rupees One Lakh Twenty-Five Thousand and Fifty Paise Only",
};
async function save<T>(name: string, layout: any, items: T[]) {
  async function* gen() { yield items; }
  const stream = pdfStream({ title: name, layout, batches: gen() });
  const buf = Buffer.from(await new Response(stream).arrayBuffer());
  writeFileSync(`/tmp/i25-out/${name}.pdf`, buf);
  console.log(name, buf.length);
}
void 0; await save("label", labelLayout(sender), [order, { ...order, awb: null, trackingUrl: null, customer: { ...order.customer, name: "Ananya Iyer" } }]);
void 0; await save("sheet", labelSheetLayout(sender), [order, order, order]);
void 0; await save("slip-a4", slipLayout(sender, "a4"), [order]);
void 0; await save("slip-a5", slipLayout(sender, "a5"), [order]);
void 0; await save("invoice", invoiceLayout(), [invoice, { ...invoice, intraState: true, line: { ...invoice.line, igst: "0.00", cgst: "2976.20", sgst: "2976.20" } }]);
