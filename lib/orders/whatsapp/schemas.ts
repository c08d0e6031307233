import { z } from "zod";
import { WHATSAPP_KINDS, WHATSAPP_LANGUAGES } from "@/lib/orders/whatsapp/templates";

// What the WhatsApp button tells the server after it opened a chat: the order and which message. Client-safe.
export const whatsappNoteSchema = z.object({
  orderId: z.uuid("Unknown order."),
  kind: z.enum(WHATSAPP_KINDS, { error: "Unknown message." }),
  language: z.enum(WHATSAPP_LANGUAGES, { error: "Unknown language." }),
});
export type WhatsappNote = z.infer<typeof whatsappNoteSchema>;
