import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES, fillTemplate, whatsappMessageLink, type WhatsappFacts } from "@/lib/orders/whatsapp/templates";

const facts: WhatsappFacts = {
  customerName: "Farhan Mansoor",
  customerPhone: "+91 98450 12345",
  storeName: "Kurta House",
  productName: "Handloom Cotton Kurta",
  quantity: 1,
  amount: "1299.00",
  tribemadeOrderId: "0b6f5c1e-8a9d-4f3e-9c2b-1a2b3c4d5e6f",
  trackingUrl: "https://www.delhivery.com/track/package/1234567890",
};

describe("WhatsApp messages", () => {
  it("fill every placeholder from the order, in English and Hindi", () => {
    expect(fillTemplate(DEFAULT_TEMPLATES.en.confirmed, facts)).toBe(
      "Hi Farhan, thank you for your order of Handloom Cotton Kurta ×1 (₹1,299) from Kurta House. We're preparing it now. Order 0b6f5c1e.",
    );
    expect(fillTemplate(DEFAULT_TEMPLATES.hi.dispatched, facts)).toBe(
      "नमस्ते Farhan, Kurta House से आपका Handloom Cotton Kurta रास्ते में है! यहाँ ट्रैक करें: https://www.delhivery.com/track/package/1234567890",
    );
  });

  it("drop the tracking sentence when there is no tracking link yet", () => {
    expect(fillTemplate(DEFAULT_TEMPLATES.en.dispatched, { ...facts, trackingUrl: null })).toBe(
      "Hi Farhan, your Handloom Cotton Kurta from Kurta House is on its way!",
    );
  });

  it("open wa.me with the number normalised (+91, 0, 91 or bare 10 digits) and the text encoded", () => {
    for (const phone of ["+91 98450 12345", "098450-12345", "919845012345", "9845012345"]) {
      const link = whatsappMessageLink("delivered", "en", { ...facts, customerPhone: phone });
      expect(link).toMatch(/^https:\/\/wa\.me\/919845012345\?text=Hi%20Farhan%2C%20your%20Handloom/);
    }
    expect(whatsappMessageLink("confirmed", "en", { ...facts, customerPhone: "044 2345 6789" })).toBeNull();
  });
});
