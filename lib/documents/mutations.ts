import "server-only";
import type { Member, Owner } from "@/lib/auth/require-member";
import { db } from "@/lib/db";
import type { DocumentKind, DocumentSettingsInput, ProductTaxInput } from "@/lib/documents/schemas";
import { notifyOrderChanged } from "@/lib/feed/notify";

// Paperwork writes: the store's settings (owners), per-product tax settings (owners), and the
// "printed" mark with its timeline entry. Each scopes by the caller's store.

export async function saveDocumentSettings({ store }: Owner, input: DocumentSettingsInput): Promise<void> {
  // A GSTIN names the state it was issued in.
  const data = { ...input, stateCode: input.stateCode ?? input.gstin?.slice(0, 2) ?? null };
  await db.documentSettings.upsert({ where: { storeId: store.id }, create: { storeId: store.id, ...data }, update: data });
}

export async function saveProductTax({ store }: Owner, input: Omit<ProductTaxInput, "storeId">): Promise<void> {
  const key = { storeId_productId: { storeId: store.id, productId: input.productId } };
  if (input.hsn === "" && input.gstRate === "") {
    await db.productTaxSetting.deleteMany({ where: { storeId: store.id, productId: input.productId } });
    return;
  }
  const data = { hsn: input.hsn || null, gstRate: input.gstRate || null };
  await db.productTaxSetting.upsert({
    where: key,
    create: { storeId: store.id, productId: input.productId, ...data },
    update: data,
  });
}

/**
 * Marks orders printed (the feed's mark) and adds "printed" to each one's timeline, naming who
 * printed what; invoices name their number. Open feeds and order pages update.
 */
export async function markPrinted(
  member: Member,
  printed: Array<{ orderId: string; invoiceNumber?: string }>,
  document: DocumentKind,
  now = new Date(),
): Promise<void> {
  if (printed.length === 0) return;
  const storeId = member.store.id;
  const ids = printed.map((entry) => entry.orderId);
  await db.$transaction([
    db.order.updateMany({ where: { storeId, id: { in: ids } }, data: { printedAt: now } }),
    db.orderEvent.createMany({
      data: printed.map((entry) => ({
        storeId,
        orderId: entry.orderId,
        type: "documents_printed",
        actorUserId: member.user.id,
        actor: member.user.name,
        createdAt: now,
        data: { document, inFile: printed.length, ...(entry.invoiceNumber ? { invoiceNumber: entry.invoiceNumber } : {}) },
      })),
    }),
  ]);
  await Promise.all(ids.map((id) => notifyOrderChanged(storeId, id)));
}
