"use server";
import { requireMember } from "@/lib/auth/require-member";
import type { ActionResult } from "@/lib/http/action-result";
import { runAction } from "@/lib/http/run-action";
import { noteWhatsappOpened } from "@/lib/orders/whatsapp/mutations";
import { whatsappNoteSchema } from "@/lib/orders/whatsapp/schemas";

/** After the WhatsApp button opened a chat: the order's timeline notes who sent which message. */
export async function noteWhatsapp(input: unknown): Promise<ActionResult<null>> {
  return runAction("noteWhatsapp", whatsappNoteSchema, input, async (note) => {
    await noteWhatsappOpened(await requireMember(), note);
    return null;
  });
}
