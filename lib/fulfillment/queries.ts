import "server-only";
import type { Member } from "@/lib/auth/require-member";
import { db } from "@/lib/db";

export type FulfillmentSettings = { url: string | null; secretCreatedAt: Date | null };

/** Where verified orders are forwarded, and whether they can be signed (never the secret itself). */
export async function getFulfillmentSettings(member: Member): Promise<FulfillmentSettings> {
  const store = await db.store.findUniqueOrThrow({
    where: { id: member.store.id },
    select: { fulfillmentUrl: true, fulfillmentSecretCreatedAt: true },
  });
  return { url: store.fulfillmentUrl, secretCreatedAt: store.fulfillmentSecretCreatedAt };
}
