import { formatMoney } from "@/lib/format/numbers";
import { whatsappLink } from "@/lib/format/phone";

// WhatsApp to the customer: click-to-chat (https://wa.me/91…?text=…) opens the merchant's own
// WhatsApp with the message typed in, so no WhatsApp Business API account is needed. One message
// per step of the order, in English and Hindi, with placeholders filled from the order. Client-safe.

export const WHATSAPP_KINDS = ["confirmed", "dispatched", "delivered"] as const;
export type WhatsappKind = (typeof WHATSAPP_KINDS)[number];
export const WHATSAPP_LANGUAGES = ["en", "hi"] as const;
export type WhatsappLanguage = (typeof WHATSAPP_LANGUAGES)[number];

export const KIND_LABEL: Record<WhatsappKind, string> = {
  confirmed: "Order confirmed",
  dispatched: "Dispatched",
  delivered: "Delivered: ask for a review",
};
export const LANGUAGE_LABEL: Record<WhatsappLanguage, string> = { en: "English", hi: "हिन्दी" };

/** The placeholders a template may use, in the order Settings lists them. */
export const WHATSAPP_PLACEHOLDERS = [
  { name: "customer", description: "The customer's first name" },
  { name: "store", description: "Your store's name" },
  { name: "product", description: "The product ordered" },
  { name: "quantity", description: "How many" },
  { name: "amount", description: "The order's amount, like ₹1,299" },
  { name: "order", description: "The order's short id" },
  { name: "tracking", description: "The tracking link; its sentence is left out until there is one" },
] as const;
export type WhatsappPlaceholder = (typeof WHATSAPP_PLACEHOLDERS)[number]["name"];

export const DEFAULT_TEMPLATES: Record<WhatsappLanguage, Record<WhatsappKind, string>> = {
  en: {
    confirmed:
      "Hi {customer}, thank you for your order of {product} ×{quantity} ({amount}) from {store}. We're preparing it now. Order {order}.",
    dispatched: "Hi {customer}, your {product} from {store} is on its way! Track it here: {tracking}",
    delivered:
      "Hi {customer}, your {product} from {store} has been delivered. We hope you love it! A quick review on TribeMade would mean a lot to us.",
  },
  hi: {
    confirmed:
      "नमस्ते {customer}, {store} से {product} ×{quantity} ({amount}) का ऑर्डर देने के लिए धन्यवाद। हम इसे तैयार कर रहे हैं। ऑर्डर {order}.",
    dispatched: "नमस्ते {customer}, {store} से आपका {product} रास्ते में है! यहाँ ट्रैक करें: {tracking}",
    delivered:
      "नमस्ते {customer}, {store} से आपका {product} पहुँच गया है। उम्मीद है आपको पसंद आया! TribeMade पर एक छोटा-सा रिव्यू हमारे लिए बहुत मायने रखेगा।",
  },
};

export type WhatsappFacts = {
  customerName: string;
  customerPhone: string;
  storeName: string;
  productName: string | null;
  quantity: number;
  amount: string;
  tribemadeOrderId: string;
  trackingUrl: string | null;
};

/** The template with its placeholders filled; a placeholder with nothing to say becomes "". */
export function fillTemplate(template: string, facts: WhatsappFacts): string {
  const values: Record<string, string> = {
    customer: facts.customerName.trim().split(/\s+/)[0] ?? "",
    store: facts.storeName,
    product: facts.productName?.trim() || "order",
    quantity: String(facts.quantity),
    amount: formatMoney(facts.amount).replace(/\.00$/, ""),
    order: facts.tribemadeOrderId.slice(0, 8),
    tracking: facts.trackingUrl ?? "",
  };
  // No tracking link yet: the sentence that would carry it goes.
  const usable = facts.trackingUrl ? template : template.replace(/[^.!?।]*\{tracking\}[^.!?।]*[.!?।]?\s*/g, "");
  return usable.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole).trim();
}

/** A store's own wording per language and kind; null where it uses the default. */
export type StoreTemplates = Record<WhatsappLanguage, Record<WhatsappKind, string | null>>;

export const NO_STORE_TEMPLATES: StoreTemplates = {
  en: { confirmed: null, dispatched: null, delivered: null },
  hi: { confirmed: null, dispatched: null, delivered: null },
};

/** The template a store sends for one kind and language: its own, else the default. */
export function templateFor(templates: StoreTemplates, kind: WhatsappKind, language: WhatsappLanguage): string {
  return templates[language][kind] ?? DEFAULT_TEMPLATES[language][kind];
}

/** The wa.me link for one message, or null when the number is not an Indian mobile. */
export function whatsappMessageLink(
  kind: WhatsappKind,
  language: WhatsappLanguage,
  facts: WhatsappFacts,
  templates: StoreTemplates = NO_STORE_TEMPLATES,
): string | null {
  return whatsappLink(facts.customerPhone, fillTemplate(templateFor(templates, kind, language), facts));
}
