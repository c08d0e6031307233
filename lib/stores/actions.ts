"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/http/action-result";
import { writeCurrentStoreCookie } from "@/lib/auth/current-store";
import { requireFormOwner, requireMember, requireUser } from "@/lib/auth/require-member";
import { runAction } from "@/lib/http/run-action";
import type { KeyCheckResult } from "@/lib/tribemade/key-check";
import { checkApiKey, checkSavedApiKey } from "@/lib/stores/check-api-key";
import * as mutations from "@/lib/stores/mutations";
import type { TeamChangeResult } from "@/lib/stores/mutations";
import { publicOrigin } from "@/lib/http/public-origin";
import {
  apiKeyInputSchema,
  changeRoleSchema,
  createInviteSchema,
  createStoreSchema,
  inviteTokenSchema,
  removeMemberSchema,
  replaceApiKeySchema,
  revokeInviteSchema,
  storeFormSchema,
  switchStoreSchema,
  updateStoreDetailsSchema,
} from "@/lib/stores/schemas";

// Thin "use server" wrappers: parse with the form's schema, check the caller, call one mutation
// with it, revalidate. Each returns the result union; secrets in a result are shown once.

export type OnboardedStore = { storeId: string; storeName: string; webhookUrl: string; keyCheck: KeyCheckResult };

export async function createStore(input: unknown): Promise<ActionResult<OnboardedStore>> {
  return runAction("createStore", createStoreSchema, input, async (data) => {
    const created = await mutations.createStoreWithOwner(await requireUser(), data);
    await writeCurrentStoreCookie(created.storeId);
    revalidatePath("/", "layout");
    const webhookUrl = `${await publicOrigin()}/api/webhooks/tribemade/${created.webhookToken}`;
    return { storeId: created.storeId, storeName: created.storeName, webhookUrl, keyCheck: created.keyCheck };
  });
}

/** Tests a key typed into a form, before it is saved (onboarding, "replace key"). */
export async function testApiKey(input: unknown): Promise<ActionResult<KeyCheckResult>> {
  return runAction("testApiKey", apiKeyInputSchema, input, async ({ apiKey }) => {
    return checkApiKey(await requireUser(), apiKey);
  });
}

export async function testStoreApiKey(input: unknown): Promise<ActionResult<KeyCheckResult>> {
  return runAction("testStoreApiKey", storeFormSchema, input, async ({ storeId }) =>
    checkSavedApiKey(await requireFormOwner(storeId)),
  );
}

export async function replaceStoreApiKey(
  input: unknown,
): Promise<ActionResult<{ apiKeyMasked: string; keyCheck: KeyCheckResult }>> {
  return runAction("replaceStoreApiKey", replaceApiKeySchema, input, async ({ storeId, apiKey }) => {
    const result = await mutations.replaceApiKey(await requireFormOwner(storeId), apiKey);
    revalidatePath("/settings");
    return result;
  });
}

export async function updateStoreDetails(input: unknown): Promise<ActionResult<null>> {
  return runAction("updateStoreDetails", updateStoreDetailsSchema, input, async ({ storeId, ...details }) => {
    await mutations.updateStoreDetails(await requireFormOwner(storeId), details);
    revalidatePath("/", "layout");
    return null;
  });
}

export async function createInvite(
  input: unknown,
): Promise<ActionResult<{ inviteId: string; inviteUrl: string; expiresAt: string }>> {
  return runAction("createInvite", createInviteSchema, input, async ({ storeId, role }) => {
    const invite = await mutations.createInvite(await requireFormOwner(storeId), role);
    revalidatePath("/settings");
    return {
      inviteId: invite.inviteId,
      inviteUrl: `${await publicOrigin()}/invite/${invite.token}`,
      expiresAt: invite.expiresAt.toISOString(),
    };
  });
}

export async function revokeInvite(input: unknown): Promise<ActionResult<null>> {
  return runAction("revokeInvite", revokeInviteSchema, input, async ({ storeId, inviteId }) => {
    await mutations.revokeInvite(await requireFormOwner(storeId), inviteId);
    revalidatePath("/settings");
    return null;
  });
}

export async function acceptInvite(input: unknown): Promise<ActionResult<{ storeId: string; storeName: string }>> {
  return runAction("acceptInvite", inviteTokenSchema, input, async ({ token }) => {
    const joined = await mutations.acceptInvite(await requireUser(), token);
    await writeCurrentStoreCookie(joined.storeId);
    revalidatePath("/", "layout");
    return joined;
  });
}

export async function changeMemberRole(input: unknown): Promise<ActionResult<TeamChangeResult>> {
  return runAction("changeMemberRole", changeRoleSchema, input, async ({ storeId, membershipId, role }) => {
    const result = await mutations.changeMemberRole(await requireFormOwner(storeId), membershipId, role);
    revalidatePath("/", "layout");
    return result;
  });
}

export async function removeMember(input: unknown): Promise<ActionResult<TeamChangeResult>> {
  return runAction("removeMember", removeMemberSchema, input, async ({ storeId, membershipId }) => {
    const result = await mutations.removeMember(await requireFormOwner(storeId), membershipId);
    revalidatePath("/", "layout");
    return result;
  });
}

/** The store switcher: remembers the choice after checking the caller belongs to the store. */
export async function switchStore(input: unknown): Promise<ActionResult<{ storeId: string }>> {
  return runAction("switchStore", switchStoreSchema, input, async ({ storeId }) => {
    const member = await requireMember(storeId);
    await writeCurrentStoreCookie(member.store.id);
    revalidatePath("/", "layout");
    return { storeId: member.store.id };
  });
}

/**
 * The shell's store switcher calls this with a bare id (see switchStore). It has no error to show:
 * a signed-out caller goes to /login; any other refusal leaves the current store as it was and the
 * re-rendered page shows which one that is.
 */
export async function selectStore(storeId: string): Promise<void> {
  const result = await switchStore({ storeId });
  if (!result.ok && result.error.code === "unauthorized") redirect("/login");
}
