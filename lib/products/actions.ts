"use server";
import { revalidatePath } from "next/cache";
import { requireFormOwner, requireFormStore as requireFormMember } from "@/lib/auth/require-member";
import type { ActionResult } from "@/lib/http/action-result";
import { runAction } from "@/lib/http/run-action";
import { wakeDrainAfter } from "@/lib/outbox/wake";
import * as mutations from "@/lib/products/mutations";
import {
  editProductSchema,
  productRefSchema,
  setStockSchema,
  stockSettingsSchema,
  storeOnlySchema,
  undoEditSchema,
  type EditQueued,
} from "@/lib/products/schemas";
import { PRODUCT_UNDO_WINDOW_MS } from "@/lib/products/undo-window";

// Thin "use server" wrappers: parse with the form's schema, check the caller (the form's store, so
// a tab left open across a store switch cannot edit the other store), call one mutation, wake the
// drain after the undo window, revalidate.

export async function saveStockSettings(input: unknown): Promise<ActionResult<null>> {
  return runAction("saveStockSettings", stockSettingsSchema, input, async ({ storeId, ...settings }) => {
    await mutations.updateStockSettings(await requireFormOwner(storeId), settings);
    revalidatePath("/settings");
    revalidatePath("/products");
    return null;
  });
}

export async function setProductStock(input: unknown): Promise<ActionResult<EditQueued>> {
  return runAction("setProductStock", setStockSchema, input, async ({ storeId, productId, stock, expectedStock }) => {
    const queued = await mutations.requestStockSet(await requireFormMember(storeId), productId, stock, expectedStock);
    wakeDrainAfter(storeId, { delayMs: PRODUCT_UNDO_WINDOW_MS });
    revalidatePath(`/products/${productId}`);
    return queued;
  });
}

export async function editProduct(input: unknown): Promise<ActionResult<EditQueued>> {
  return runAction("editProduct", editProductSchema, input, async ({ storeId, productId, ...edit }) => {
    const [queued] = await mutations.requestProductEdits(await requireFormMember(storeId), [productId], edit);
    wakeDrainAfter(storeId, { delayMs: PRODUCT_UNDO_WINDOW_MS });
    revalidatePath(`/products/${productId}`);
    return queued!;
  });
}

export async function hideOutOfStock(input: unknown): Promise<ActionResult<{ count: number; etaSeconds: number }>> {
  return runAction("hideOutOfStock", storeOnlySchema, input, async ({ storeId }) => {
    const member = await requireFormMember(storeId);
    const ids = await mutations.outOfStockVisible(member);
    const queued = await mutations.requestProductEdits(member, ids, { isActive: false });
    if (ids.length > 0) wakeDrainAfter(storeId, { delayMs: PRODUCT_UNDO_WINDOW_MS });
    revalidatePath("/products");
    return { count: ids.length, etaSeconds: queued.at(-1)?.etaSeconds ?? 0 };
  });
}

export async function undoProductEdit(input: unknown): Promise<ActionResult<null>> {
  return runAction("undoProductEdit", undoEditSchema, input, async ({ storeId, productId, requestEventId }) => {
    await mutations.undoProductEdit(await requireFormMember(storeId), productId, requestEventId);
    revalidatePath(`/products/${productId}`);
    return null;
  });
}

export async function readProductNow(input: unknown): Promise<ActionResult<null>> {
  return runAction("readProductNow", productRefSchema, input, async ({ storeId, productId }) => {
    await mutations.requestRead(await requireFormMember(storeId), productId);
    wakeDrainAfter(storeId);
    return null;
  });
}

export async function learnProductsFromOrders(input: unknown): Promise<ActionResult<{ queued: number }>> {
  return runAction("learnProductsFromOrders", storeOnlySchema, input, async ({ storeId }) => {
    const queued = await mutations.learnFromPastOrders(await requireFormMember(storeId));
    if (queued > 0) wakeDrainAfter(storeId);
    revalidatePath("/products");
    return { queued };
  });
}
