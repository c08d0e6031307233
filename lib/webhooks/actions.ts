"use server";
import { revalidatePath } from "next/cache";
import { after } from "next/server";
import type { ActionResult } from "@/lib/http/action-result";
import { requireFormOwner, requireMember, requireOwner } from "@/lib/auth/require-member";
import { runAction } from "@/lib/http/run-action";
import { publicOrigin } from "@/lib/http/public-origin";
import { announceDelivery } from "@/lib/webhooks/ingest/announce";
import * as mutations from "@/lib/webhooks/mutations";
import {
  createEndpointSchema,
  renameEndpointSchema,
  replayDeliverySchema,
  revokeEndpointSchema,
  type CreatedEndpointDto,
  type ReplayResultDto,
} from "@/lib/webhooks/schemas";

// Thin "use server" wrappers for the inspector (docs/code-style.md §16): parse with the shared schema,
// check the caller, call one mutation scoped to the caller's store, revalidate. Managing endpoints
// is for owners; any member may replay a delivery.

const ENDPOINTS_PATH = "/webhooks/endpoints";

/** The full URL with its secret is in this result and nowhere else, ever: the UI shows it once. */
export async function createWebhookEndpoint(input: unknown): Promise<ActionResult<CreatedEndpointDto>> {
  return runAction("createWebhookEndpoint", createEndpointSchema, input, async ({ storeId, label }) => {
    const { endpoint, token } = await mutations.createEndpoint(await requireFormOwner(storeId), label);
    revalidatePath(ENDPOINTS_PATH);
    return { endpoint, url: `${await publicOrigin()}/api/webhooks/tribemade/${token}` };
  });
}

export async function renameWebhookEndpoint(input: unknown): Promise<ActionResult<null>> {
  return runAction("renameWebhookEndpoint", renameEndpointSchema, input, async ({ endpointId, label }) => {
    await mutations.renameEndpoint(await requireOwner(), endpointId, label);
    revalidatePath("/webhooks", "layout");
    return null;
  });
}

export async function revokeWebhookEndpoint(input: unknown): Promise<ActionResult<{ revokedAt: string }>> {
  return runAction("revokeWebhookEndpoint", revokeEndpointSchema, input, async ({ endpointId }) => {
    const result = await mutations.revokeEndpoint(await requireOwner(), endpointId);
    revalidatePath(ENDPOINTS_PATH);
    return result;
  });
}

export async function replayWebhookDelivery(input: unknown): Promise<ActionResult<ReplayResultDto>> {
  return runAction("replayWebhookDelivery", replayDeliverySchema, input, async ({ deliveryId }) => {
    const { result, stored } = await mutations.replayDelivery(await requireMember(), deliveryId);
    // Same wake-ups as a delivery from TribeMade (the feeds, and the outbox for a new order).
    if (stored) after(() => announceDelivery(stored));
    return result;
  });
}
