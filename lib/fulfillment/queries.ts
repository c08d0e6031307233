import "server-only";
import type { Member } from "@/lib/auth/require-member";
import { db } from "@/lib/db";
import { urlWithoutSecrets } from "@/lib/http/url-without-secrets";

export type FulfillmentSettings = { url: string | null; secretCreatedAt: Date | null };

/** Where verified orders are forwarded (staff: origin and path only), and whether they can be
 * signed (never the secret itself). */
export async function getFulfillmentSettings(member: Member): Promise<FulfillmentSettings> {
  const store = await db.store.findUniqueOrThrow({
    where: { id: member.store.id },
    select: { fulfillmentUrl: true, fulfillmentSecretCreatedAt: true },
  });
  const url = store.fulfillmentUrl && member.role !== "owner" ? urlWithoutSecrets(store.fulfillmentUrl) : store.fulfillmentUrl;
  return { url, secretCreatedAt: store.fulfillmentSecretCreatedAt };
}
