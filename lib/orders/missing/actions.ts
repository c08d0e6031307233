"use server";
import { requireMember } from "@/lib/auth/require-member";
import type { ActionResult } from "@/lib/http/action-result";
import { runAction } from "@/lib/http/run-action";
import * as mutations from "@/lib/orders/missing/mutations";
import { missingOrdersProgress } from "@/lib/orders/missing/queries";
import {
  addMissingOrdersSchema,
  missingProgressSchema,
  parseOrderIds,
  type MissingOrdersDto,
} from "@/lib/orders/missing/schemas";
import { wakeDrainAfter } from "@/lib/outbox/wake";

// "use server" wrappers for "Add missing orders" (any member may add): queue the ids, wake the
// drain at once, and read a submission's progress while the dialog is open.

export async function addMissingOrders(input: unknown): Promise<ActionResult<MissingOrdersDto>> {
  return runAction("addMissingOrders", addMissingOrdersSchema, input, async ({ text }) => {
    const member = await requireMember();
    const added = await mutations.addMissingOrders(member, parseOrderIds(text).ids);
    if (added.results.some((result) => result.state === "queued")) wakeDrainAfter(member.store.id, { delayMs: 0 });
    return added;
  });
}

export async function getMissingOrdersProgress(input: unknown): Promise<ActionResult<MissingOrdersDto>> {
  return runAction("getMissingOrdersProgress", missingProgressSchema, input, async ({ requestId }) =>
    missingOrdersProgress(await requireMember(), requestId),
  );
}
