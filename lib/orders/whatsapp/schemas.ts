import { z } from "zod";
import { WHATSAPP_KINDS, WHATSAPP_LANGUAGES, WHATSAPP_PLACEHOLDERS } from "@/lib/orders/whatsapp/templates";

// WhatsApp contracts: the note the button sends after it opened a chat, and a store's own template
// as Settings edits it. Client-safe: the form validates with these and the actions parse again.

const kind = z.enum(WHATSAPP_KINDS, { error: "Unknown message." });
const language = z.enum(WHATSAPP_LANGUAGES, { error: "Unknown language." });

export const whatsappNoteSchema = z.object({ orderId: z.uuid("Unknown order."), kind, language });
export type WhatsappNote = z.infer<typeof whatsappNoteSchema>;

/**
 * Longest template. WhatsApp takes far more, but the message is typed into the merchant's chat box
 * to be read on a phone, and the whole of it travels in the wa.me link's query string.
 */
export const MAX_TEMPLATE_LENGTH = 1_000;

const KNOWN = new Set<string>(WHATSAPP_PLACEHOLDERS.map((placeholder) => placeholder.name));
const KNOWN_LIST = WHATSAPP_PLACEHOLDERS.map((placeholder) => `{${placeholder.name}}`).join(", ");

/** Placeholders in a template that Tribedesk cannot fill (they would reach the customer as typed). */
export function unknownPlaceholders(body: string): string[] {
  const names = [...body.matchAll(/\{([^{}]*)\}/g)].map((match) => match[1] ?? "");
  return [...new Set(names.filter((name) => !KNOWN.has(name)))];
}

const body = z
  .string()
  .trim()
  .min(1, "Write a message, or reset it to the default.")
  .max(MAX_TEMPLATE_LENGTH, `Use at most ${MAX_TEMPLATE_LENGTH.toLocaleString("en-IN")} characters.`)
  .superRefine((value, ctx) => {
    const unknown = unknownPlaceholders(value);
    if (unknown.length > 0) {
      const named = unknown.map((name) => `{${name}}`).join(", ");
      ctx.addIssue({
        code: "custom",
        message: `${unknown.length === 1 ? "Unknown placeholder" : "Unknown placeholders"} ${named}. Use ${KNOWN_LIST}.`,
      });
    }
  });

export const whatsappTemplateSchema = z.object({ storeId: z.uuid("Unknown store."), kind, language, body });
export type WhatsappTemplateInput = z.infer<typeof whatsappTemplateSchema>;

export const whatsappTemplateResetSchema = z.object({ storeId: z.uuid("Unknown store."), kind, language });
export type WhatsappTemplateReset = z.infer<typeof whatsappTemplateResetSchema>;
