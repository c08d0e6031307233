"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireMember, requireOwner } from "@/lib/auth/require-member";
import type { ActionResult } from "@/lib/http/action-result";
import { runAction } from "@/lib/http/run-action";
import * as mutations from "@/lib/outbox/mutations";
import { messageIdsSchema, type DrainNowResult } from "@/lib/outbox/schemas";

// The outbox page's buttons. Retrying and draining are for every member; discarding a dead letter
// is for owners (it gives up on telling TribeMade something for good).

export async function retryOutboxMessages(input: unknown): Promise<ActionResult<{ retried: number }>> {
  return runAction("retryOutboxMessages", messageIdsSchema, input, async ({ ids }) => {
    const result = await mutations.retryMessages(await requireMember(), ids);
    revalidatePath("/outbox");
    return result;
  });
}

export async function discardOutboxMessages(input: unknown): Promise<ActionResult<{ discarded: number }>> {
  return runAction("discardOutboxMessages", messageIdsSchema, input, async ({ ids }) => {
    const result = await mutations.discardMessages(await requireOwner(), ids);
    revalidatePath("/outbox");
    return result;
  });
}

export async function drainOutboxNow(input?: unknown): Promise<ActionResult<DrainNowResult>> {
  return runAction("drainOutboxNow", z.object({}).optional(), input, async () => {
    const result = await mutations.drainStoreNow(await requireMember());
    revalidatePath("/outbox");
    return result;
  });
}
