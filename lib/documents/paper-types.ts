import type { IndiaState } from "@/lib/documents/india-states";

// What the renderers draw, gathered from an order and the store's paperwork settings
// (lib/documents/queries.ts). Plain data: renderers never query.

export type Address = {
  /** Printed one per line, wrapped to the width. */
  lines: string[];
  pincode: string;
  state: IndiaState | null;
};

export type OrderPaper = {
  id: string;
  tribemadeOrderId: string;
  status: string;
  placedAt: Date;
  customer: { name: string; phone: string; email: string; address: Address };
  productId: string | null;
  productName: string | null;
  quantity: number;
  /** Rupees as a decimal string. */
  amount: string;
  variation: string | null;
  size: string | null;
  color: string | null;
  specialInstructions: string | null;
  customQuestions: Array<{ question: string | null; answer: string | null }>;
  trackingUrl: string | null;
  /** Read from the tracking link (lib/documents/awb-from-url.ts). */
  awb: string | null;
};

export type Sender = { storeName: string; name: string; address: string; pincode: string; phone: string };

/** Everything an invoice says, frozen when its number is assigned (Invoice.snapshot). */
export type InvoiceSnapshot = {
  kind: "tax_invoice" | "bill_of_supply";
  number: string;
  issuedAt: string;
  seller: { name: string; address: string; gstin: string | null; state: IndiaState | null; phone: string };
  buyer: { name: string; phone: string; email: string; address: Address };
  placeOfSupply: IndiaState;
  order: { tribemadeOrderId: string; placedAt: string };
  line: {
    description: string;
    details: string | null;
    hsn: string | null;
    quantity: number;
    /** Decimal strings (rupees); tax amounts "0.00" when not charged. */
    unitPrice: string;
    taxable: string;
    rate: string;
    cgst: string;
    sgst: string;
    igst: string;
    total: string;
  };
  intraState: boolean;
  amountInWords: string;
};
