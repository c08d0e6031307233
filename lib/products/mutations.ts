import "server-only";
import type { Member, Owner } from "@/lib/auth/require-member";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/app-error";
import { learnStoreProducts } from "@/lib/products/learn";
import { editProductRow, readProductRow, setStockRow } from "@/lib/products/outbox/messages";
import type { EditQueued, StockSettingsInput } from "@/lib/products/schemas";
import { PRODUCT_UNDO_WINDOW_MS } from "@/lib/products/undo-window";

// A person's changes to products, each scoped to the caller's store: the store's stock settings
// (owners), "set stock to N", price / current price / hide / show, "hide everything out of stock",
// Undo, and "read now". Edits go through the outbox like status changes: the event naming who, the
// message due after the undo window, in one transaction.

type Tx = Prisma.TransactionClient;

async function ownProduct(tx: Tx, member: Member, productId: string) {
  const product = await tx.product.findFirst({
    where: { id: productId, storeId: member.store.id },
    select: { id: true, tribemadeProductId: true, stock: true, goneAt: true, name: true },
  });
  if (!product) throw new AppError("not_found", "No such product in this store.");
  if (product.goneAt) throw new AppError("conflict", "TribeMade no longer has this product; it can't be edited.");
  return product;
}

/** Seconds until a new edit reaches TribeMade: the undo window, then the edits queued ahead at 20 a minute. */
async function etaSeconds(tx: Tx, storeId: string): Promise<number> {
  const ahead = await tx.outboxMessage.count({
    where: { storeId, kind: { in: ["edit_product", "apply_stock"] }, status: { in: ["pending", "leased"] } },
  });
  const windows = Math.floor(ahead / env.TRIBEMADE_PRODUCT_EDIT_LIMIT);
  return Math.ceil(PRODUCT_UNDO_WINDOW_MS / 1000 + (windows * env.TRIBEMADE_RATE_WINDOW_MS) / 1000);
}

export async function updateStockSettings(owner: Owner, input: Omit<StockSettingsInput, "storeId">): Promise<void> {
  await db.store.update({ where: { id: owner.store.id }, data: input, select: { id: true } });
}

export async function requestStockSet(member: Member, productId: string, stock: number, expectedStock: number | null) {
  return db.$transaction(async (tx): Promise<EditQueued> => {
    await tx.$queryRaw`SELECT id FROM "Product" WHERE id = ${productId}::uuid AND "storeId" = ${member.store.id}::uuid FOR UPDATE`;
    const product = await ownProduct(tx, member, productId);
    if (expectedStock !== null && product.stock !== expectedStock) {
      throw new AppError(
        "conflict",
        `The stock changed to ${product.stock ?? "unknown"} since you opened this product. Check it and try again.`,
      );
    }
    const now = new Date();
    const sendAfter = new Date(now.getTime() + PRODUCT_UNDO_WINDOW_MS);
    const ledger = await tx.stockLedger.create({
      data: {
        storeId: member.store.id,
        productId,
        change: "set",
        quantity: stock,
        actor: member.user.name,
        actorUserId: member.user.id,
      },
      select: { id: true },
    });
    const event = await tx.productEvent.create({
      data: {
        storeId: member.store.id,
        productId,
        type: "edit_requested",
        actor: member.user.name,
        actorUserId: member.user.id,
        data: { fields: { stock }, before: { stock: product.stock }, ledgerId: ledger.id.toString() },
      },
      select: { id: true },
    });
    await tx.outboxMessage.createMany({
      data: [setStockRow(member.store.id, product.tribemadeProductId, ledger.id.toString(), sendAfter)],
      skipDuplicates: true,
    });
    return {
      requestEventId: event.id.toString(),
      sendAfter: sendAfter.toISOString(),
      etaSeconds: await etaSeconds(tx, member.store.id),
    };
  });
}

export type FieldEdit = { price?: number; currentPrice?: number; isActive?: boolean };

/** Price, current price, hide / show of one product, or of many ("hide everything out of stock"). */
export async function requestProductEdits(member: Member, productIds: string[], edit: FieldEdit): Promise<EditQueued[]> {
  const fields = {
    ...(edit.price !== undefined ? { price: edit.price } : {}),
    ...(edit.currentPrice !== undefined ? { current_price: edit.currentPrice } : {}),
    ...(edit.isActive !== undefined ? { is_active: edit.isActive } : {}),
  };
  return db.$transaction(async (tx) => {
    const now = new Date();
    const sendAfter = new Date(now.getTime() + PRODUCT_UNDO_WINDOW_MS);
    const queued: EditQueued[] = [];
    const eta = await etaSeconds(tx, member.store.id);
    for (const productId of productIds) {
      const product = await ownProduct(tx, member, productId);
      const event = await tx.productEvent.create({
        data: {
          storeId: member.store.id,
          productId,
          type: "edit_requested",
          actor: member.user.name,
          actorUserId: member.user.id,
          data: { fields },
        },
        select: { id: true },
      });
      const requestEventId = event.id.toString();
      const row = editProductRow(
        member.store.id,
        { productId, tribemadeProductId: product.tribemadeProductId, fields, requestEventId, requestedBy: member.user.id },
        sendAfter,
      );
      await tx.outboxMessage.createMany({ data: [row], skipDuplicates: true });
      queued.push({
        requestEventId,
        sendAfter: sendAfter.toISOString(),
        etaSeconds: eta + Math.floor(queued.length / env.TRIBEMADE_PRODUCT_EDIT_LIMIT) * 60,
      });
    }
    return queued;
  });
}

/** The store's visible products with no stock left (bulk "hide everything out of stock"). */
export async function outOfStockVisible(member: Member): Promise<string[]> {
  const rows = await db.product.findMany({
    where: { storeId: member.store.id, stock: 0, isActive: true, goneAt: null },
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

/** Undo inside the window: the edit's message and (for stock) its ledger row go, unless a drainer has it. */
export async function undoProductEdit(member: Member, productId: string, requestEventId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const event = await tx.productEvent.findFirst({
      where: { id: BigInt(requestEventId), productId, storeId: member.store.id, type: "edit_requested" },
      select: { data: true },
    });
    if (!event) throw new AppError("not_found", "No such edit of this product.");
    const ledgerId = (event.data as { ledgerId?: string } | null)?.ledgerId;
    const dedupeKey = ledgerId ? `stock:set:${ledgerId}` : `edit-product:${requestEventId}`;
    const removed = await tx.outboxMessage.deleteMany({ where: { storeId: member.store.id, dedupeKey, status: "pending" } });
    if (removed.count === 0) throw new AppError("already_sent", "Too late to undo: the change is on its way to TribeMade.");
    if (ledgerId) await tx.stockLedger.deleteMany({ where: { id: BigInt(ledgerId), state: "pending" } });
    await tx.productEvent.create({
      data: {
        storeId: member.store.id,
        productId,
        type: "edit_undone",
        actor: member.user.name,
        actorUserId: member.user.id,
        data: { requestEventId },
      },
    });
  });
}

/** "Read now": one read per product per minute, however often it is clicked. */
export async function requestRead(member: Member, productId: string, now = new Date()): Promise<void> {
  const product = await db.product.findFirst({
    where: { id: productId, storeId: member.store.id },
    select: { id: true, tribemadeProductId: true },
  });
  if (!product) throw new AppError("not_found", "No such product in this store.");
  const slot = `d${Math.floor(now.getTime() / 60_000)}`;
  await db.outboxMessage.createMany({
    data: [readProductRow(member.store.id, { productId: product.id, tribemadeProductId: product.tribemadeProductId }, slot)],
    skipDuplicates: true,
  });
}

/** Products of every verified order the store has (a store that had orders before products existed). */
export async function learnFromPastOrders(member: Member): Promise<number> {
  return learnStoreProducts(member.store.id);
}
