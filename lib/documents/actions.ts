"use server";
import { revalidatePath } from "next/cache";
import { requireFormOwner } from "@/lib/auth/require-member";
import * as mutations from "@/lib/documents/mutations";
import { productTaxSchema, saveDocumentSettingsSchema } from "@/lib/documents/schemas";
import type { ActionResult } from "@/lib/http/action-result";
import { runAction } from "@/lib/http/run-action";

// Thin "use server" wrappers for the paperwork settings (owners only). Printing itself is a route
// (POST /api/documents): it answers with a streamed PDF, which an action cannot.

export async function saveDocumentSettings(input: unknown): Promise<ActionResult<null>> {
  return runAction("saveDocumentSettings", saveDocumentSettingsSchema, input, async ({ storeId, ...settings }) => {
    await mutations.saveDocumentSettings(await requireFormOwner(storeId), settings);
    revalidatePath("/settings/paperwork");
    return null;
  });
}

export async function saveProductTax(input: unknown): Promise<ActionResult<null>> {
  return runAction("saveProductTax", productTaxSchema, input, async ({ storeId, ...tax }) => {
    await mutations.saveProductTax(await requireFormOwner(storeId), tax);
    revalidatePath("/settings/paperwork");
    return null;
  });
}
