"use server";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { requireFormStore } from "@/lib/auth/require-member";
import type { ActionResult } from "@/lib/http/action-result";
import { runAction } from "@/lib/http/run-action";
import { removeSubscription, saveSubscription, sendTestPush, setPreference } from "@/lib/notifications/mutations";
import { preferenceSchema, subscribeSchema, subscriptionSchema, testPushSchema } from "@/lib/notifications/schemas";

// Settings → Notifications. Every member manages their own devices and choices (not owners only),
// in the store the page was rendered for.

const PAGE = "/settings/notifications";

export async function subscribeDevice(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAction("subscribeDevice", subscribeSchema, input, async (data) => {
    const member = await requireFormStore(data.storeId);
    const saved = await saveSubscription(member, data, (await headers()).get("user-agent"));
    revalidatePath(PAGE);
    return saved;
  });
}

export async function removeDevice(input: unknown): Promise<ActionResult<null>> {
  return runAction("removeDevice", subscriptionSchema, input, async ({ storeId, subscriptionId }) => {
    await removeSubscription(await requireFormStore(storeId), subscriptionId);
    revalidatePath(PAGE);
    return null;
  });
}

export async function sendTestNotification(input: unknown): Promise<ActionResult<{ devices: number }>> {
  return runAction("sendTestNotification", testPushSchema, input, async ({ storeId, subscriptionId }) =>
    sendTestPush(await requireFormStore(storeId), subscriptionId),
  );
}

export async function savePreference(input: unknown): Promise<ActionResult<null>> {
  return runAction("savePreference", preferenceSchema, input, async ({ storeId, ...choice }) => {
    await setPreference(await requireFormStore(storeId), choice);
    revalidatePath(PAGE);
    return null;
  });
}
