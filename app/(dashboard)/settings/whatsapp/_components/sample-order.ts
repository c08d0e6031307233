import type { WhatsappFacts } from "@/lib/orders/whatsapp/templates";

/** The order the previews are filled from: one like a TribeMade store's, with a tracking link. */
export function sampleOrder(storeName: string): WhatsappFacts {
  return {
    customerName: "Farhan Mansoor",
    customerPhone: "+91 98450 12345",
    storeName,
    productName: "Handloom Cotton Kurta",
    quantity: 1,
    amount: "1299.00",
    tribemadeOrderId: "0b6f5c1e-8a9d-4f3e-9c2b-1a2b3c4d5e6f",
    trackingUrl: "https://www.delhivery.com/track/package/1234567890",
  };
}
