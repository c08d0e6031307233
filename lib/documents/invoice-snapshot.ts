import { rupeesInWords } from "@/lib/documents/amount-words";
import type { IndiaState } from "@/lib/documents/india-states";
import { paiseToDecimal, toPaise } from "@/lib/documents/money";
import type { InvoiceSnapshot, OrderPaper } from "@/lib/documents/paper-types";
import type { DocumentSettingsDto } from "@/lib/documents/schemas";
import { splitInclusiveTax } from "@/lib/documents/tax";

// What an invoice says, worked out once when its number is assigned and stored with it. TribeMade
// charges one tax-inclusive amount per order (one product × quantity), so an invoice has one line
// whose total is what the customer paid. A store without a GSTIN issues a bill of supply: no tax
// is charged or shown. Pure.

export type SnapshotInput = {
  order: OrderPaper;
  settings: DocumentSettingsDto;
  storeName: string;
  placeOfSupply: IndiaState;
  seller: IndiaState | null;
  tax: { hsn: string | null; rate: string };
  number: string;
  issuedAt: Date;
};

export function buildInvoiceSnapshot({
  order,
  settings,
  storeName,
  placeOfSupply,
  seller,
  tax,
  number,
  issuedAt,
}: SnapshotInput): InvoiceSnapshot {
  const registered = settings.gstin !== null;
  const total = toPaise(order.amount);
  const intraState = seller !== null && seller.code === placeOfSupply.code;
  const split = registered
    ? splitInclusiveTax(total, tax.rate, intraState)
    : { taxable: total, cgst: 0n, sgst: 0n, igst: 0n, rate: "0" };
  const quantity = Math.max(1, order.quantity);
  // Half a paisa up, like the tax split: the unit price is informative, the total is what counts.
  const unitPrice = (total * 2n + BigInt(quantity)) / (BigInt(quantity) * 2n);
  const details = [order.variation, order.size, order.color].filter(Boolean).join(" · ");
  return {
    kind: registered ? "tax_invoice" : "bill_of_supply",
    number,
    issuedAt: issuedAt.toISOString(),
    seller: {
      name: settings.legalName || storeName,
      address: [settings.registeredAddress || settings.senderAddress, settings.registeredAddress ? "" : settings.senderPincode]
        .filter(Boolean)
        .join(" "),
      gstin: settings.gstin,
      state: seller,
      phone: settings.senderPhone,
    },
    buyer: order.customer,
    placeOfSupply,
    order: { tribemadeOrderId: order.tribemadeOrderId, placedAt: order.placedAt.toISOString() },
    line: {
      description: order.productName ?? "Product",
      details: details || null,
      hsn: tax.hsn,
      quantity: order.quantity,
      unitPrice: paiseToDecimal(unitPrice),
      taxable: paiseToDecimal(split.taxable),
      rate: split.rate,
      cgst: paiseToDecimal(split.cgst),
      sgst: paiseToDecimal(split.sgst),
      igst: paiseToDecimal(split.igst),
      total: paiseToDecimal(total),
    },
    intraState,
    amountInWords: rupeesInWords(total),
  };
}
