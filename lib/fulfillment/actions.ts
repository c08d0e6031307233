"use server";
import { revalidatePath } from "next/cache";
import { requireFormOwner } from "@/lib/auth/require-member";
import type { ActionResult } from "@/lib/http/action-result";
import { runAction } from "@/lib/http/run-action";
import { rotateSigningSecret } from "@/lib/fulfillment/mutations";
import { storeFormSchema } from "@/lib/stores/schemas";

/** Generates (or replaces) the signing secret of the store the card was rendered for; the result is the only time it is shown. */
export async function rotateFulfillmentSecret(input: unknown): Promise<ActionResult<{ secret: string; createdAt: string }>> {
  return runAction("rotateFulfillmentSecret", storeFormSchema, input, async ({ storeId }) => {
    const { secret, createdAt } = await rotateSigningSecret(await requireFormOwner(storeId));
    revalidatePath("/settings");
    return { secret, createdAt: createdAt.toISOString() };
  });
}
