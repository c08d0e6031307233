"use server";
import { revalidatePath } from "next/cache";
import { requireFormOwner, requireMember } from "@/lib/auth/require-member";
import type { ActionResult } from "@/lib/http/action-result";
import { runAction } from "@/lib/http/run-action";
import * as mutations from "@/lib/orders/whatsapp/mutations";
import { whatsappNoteSchema, whatsappTemplateResetSchema, whatsappTemplateSchema } from "@/lib/orders/whatsapp/schemas";

/** After the WhatsApp button opened a chat: the order's timeline notes who sent which message. */
export async function noteWhatsapp(input: unknown): Promise<ActionResult<null>> {
  return runAction("noteWhatsapp", whatsappNoteSchema, input, async (note) => {
    await mutations.noteWhatsappOpened(await requireMember(), note);
    return null;
  });
}

/** Settings → WhatsApp (owners): the store's wording of one message; answers what the store now uses. */
export async function saveWhatsappTemplate(input: unknown): Promise<ActionResult<{ body: string | null }>> {
  return runAction("saveWhatsappTemplate", whatsappTemplateSchema, input, async ({ storeId, ...template }) => {
    const body = await mutations.saveWhatsappTemplate(await requireFormOwner(storeId), template);
    revalidatePath("/settings/whatsapp");
    return { body };
  });
}

/** Settings → WhatsApp (owners): one message back to the default wording. */
export async function resetWhatsappTemplate(input: unknown): Promise<ActionResult<null>> {
  return runAction("resetWhatsappTemplate", whatsappTemplateResetSchema, input, async ({ storeId, ...key }) => {
    await mutations.resetWhatsappTemplate(await requireFormOwner(storeId), key);
    revalidatePath("/settings/whatsapp");
    return null;
  });
}
