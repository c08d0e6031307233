import { describe, expect, it } from "vitest";
import { MAX_TEMPLATE_LENGTH, unknownPlaceholders, whatsappTemplateSchema } from "@/lib/orders/whatsapp/schemas";
import { DEFAULT_TEMPLATES, NO_STORE_TEMPLATES, whatsappMessageLink, type WhatsappFacts } from "@/lib/orders/whatsapp/templates";

const storeId = "6f0d2b8e-3c4a-4e59-9a7b-2c1d0e9f8a7b";
const parse = (body: string) => whatsappTemplateSchema.safeParse({ storeId, kind: "confirmed", language: "en", body });
const firstMessage = (body: string) => {
  const result = parse(body);
  return result.success ? null : result.error.issues[0]?.message;
};

const facts: WhatsappFacts = {
  customerName: "Farhan Mansoor",
  customerPhone: "9845012345",
  storeName: "Kurta House",
  productName: "Handloom Cotton Kurta",
  quantity: 2,
  amount: "2598.00",
  tribemadeOrderId: "0b6f5c1e-8a9d-4f3e-9c2b-1a2b3c4d5e6f",
  trackingUrl: null,
};

describe("a store's WhatsApp template", () => {
  it("accepts every default and any text using the known placeholders, trimmed", () => {
    for (const language of ["en", "hi"] as const) {
      for (const body of Object.values(DEFAULT_TEMPLATES[language])) expect(parse(body).success).toBe(true);
    }
    expect(parse("  Namaste {customer}! {product} ×{quantity} for {amount}. {store} · {order} {tracking}  ").data?.body).toBe(
      "Namaste {customer}! {product} ×{quantity} for {amount}. {store} · {order} {tracking}",
    );
  });

  it("rejects unknown placeholders by name, listing the ones it can fill", () => {
    expect(firstMessage("Hi {custmer}, thanks!")).toBe(
      "Unknown placeholder {custmer}. Use {customer}, {store}, {product}, {quantity}, {amount}, {order}, {tracking}.",
    );
    expect(firstMessage("Hi {Customer}, {price} {price} and {}")).toMatch(
      /^Unknown placeholders \{Customer\}, \{price\}, \{\}\./,
    );
    expect(unknownPlaceholders("{customer} {store}")).toEqual([]);
  });

  it("needs some text and at most the limit", () => {
    expect(firstMessage("   ")).toBe("Write a message, or reset it to the default.");
    expect(parse("a".repeat(MAX_TEMPLATE_LENGTH)).success).toBe(true);
    expect(firstMessage("a".repeat(MAX_TEMPLATE_LENGTH + 1))).toBe("Use at most 1,000 characters.");
  });

  it("is what the WhatsApp link types in; a null entry falls back to the default", () => {
    const templates = {
      ...NO_STORE_TEMPLATES,
      en: { ...NO_STORE_TEMPLATES.en, confirmed: "Thanks {customer}: {amount} for {product} ×{quantity}." },
    };
    const own = whatsappMessageLink("confirmed", "en", facts, templates);
    expect(decodeURIComponent(own!.split("?text=")[1]!)).toBe("Thanks Farhan: ₹2,598 for Handloom Cotton Kurta ×2.");
    const fallback = whatsappMessageLink("delivered", "en", facts, templates);
    expect(fallback).toBe(whatsappMessageLink("delivered", "en", facts));
  });
});
