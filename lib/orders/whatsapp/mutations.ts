import "server-only";
import type { Member, Owner } from "@/lib/auth/require-member";
import { db } from "@/lib/db";
import { notifyOrderChanged } from "@/lib/feed/notify";
import { AppError } from "@/lib/http/app-error";
import type { WhatsappNote, WhatsappTemplateInput, WhatsappTemplateReset } from "@/lib/orders/whatsapp/schemas";
import { DEFAULT_TEMPLATES } from "@/lib/orders/whatsapp/templates";

/**
 * Notes on the order's timeline that a member opened WhatsApp with one of the store's messages. It
 * records the intent (the chat opened), not a delivery: wa.me tells nobody whether it was sent.
 */
export async function noteWhatsappOpened(member: Member, note: WhatsappNote): Promise<void> {
  const order = await db.order.findFirst({ where: { id: note.orderId, storeId: member.store.id }, select: { id: true } });
  if (!order) throw new AppError("not_found", "That order is not in this store.");
  await db.orderEvent.create({
    data: {
      storeId: member.store.id,
      orderId: order.id,
      type: "whatsapp_opened",
      actorUserId: member.user.id,
      actor: member.user.name,
      data: { kind: note.kind, language: note.language },
    },
  });
  await notifyOrderChanged(member.store.id, order.id);
}

/**
 * Saves the store's wording of one message; returns what the store now uses (null: the default).
 * Text equal to the default is stored as no row, so a later change to the default reaches the store.
 */
export async function saveWhatsappTemplate(
  { store }: Owner,
  { kind, language, body }: Omit<WhatsappTemplateInput, "storeId">,
): Promise<string | null> {
  if (body === DEFAULT_TEMPLATES[language][kind]) {
    await deleteTemplate(store.id, kind, language);
    return null;
  }
  await db.whatsappTemplate.upsert({
    where: { storeId_kind_language: { storeId: store.id, kind, language } },
    create: { storeId: store.id, kind, language, body },
    update: { body },
  });
  return body;
}

/** Back to the default wording for one message. */
export async function resetWhatsappTemplate({ store }: Owner, { kind, language }: Omit<WhatsappTemplateReset, "storeId">) {
  await deleteTemplate(store.id, kind, language);
}

async function deleteTemplate(storeId: string, kind: string, language: string): Promise<void> {
  await db.whatsappTemplate.deleteMany({ where: { storeId, kind, language } });
}
