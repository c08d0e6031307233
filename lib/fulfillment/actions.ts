"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireOwner } from "@/lib/auth/require-member";
import type { ActionResult } from "@/lib/http/action-result";
import { runAction } from "@/lib/http/run-action";
import { rotateSigningSecret } from "@/lib/fulfillment/mutations";

/** Generates (or replaces) the store's signing secret; the result is the only time it is shown. */
export async function rotateFulfillmentSecret(input?: unknown): Promise<ActionResult<{ secret: string; createdAt: string }>> {
  return runAction("rotateFulfillmentSecret", z.object({}).optional(), input, async () => {
    const { secret, createdAt } = await rotateSigningSecret(await requireOwner());
    revalidatePath("/settings");
    return { secret, createdAt: createdAt.toISOString() };
  });
}
