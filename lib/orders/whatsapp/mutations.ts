import "server-only";
import type { Member } from "@/lib/auth/require-member";
import { db } from "@/lib/db";
import { notifyOrderChanged } from "@/lib/feed/notify";
import { AppError } from "@/lib/http/app-error";
import type { WhatsappNote } from "@/lib/orders/whatsapp/schemas";

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
