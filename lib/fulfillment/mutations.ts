import "server-only";
import type { Member } from "@/lib/auth/require-member";
import { db } from "@/lib/db";
import { sealFulfillmentSecret } from "@/lib/fulfillment/secret";
import { newWebhookSecret } from "@/lib/fulfillment/signature";

/**
 * A new signing secret for forwarded orders, replacing any old one at once. Returned this once;
 * stored encrypted like the TribeMade key. Owners only (the action checks).
 */
export async function rotateSigningSecret(member: Member): Promise<{ secret: string; createdAt: Date }> {
  const secret = newWebhookSecret();
  const createdAt = new Date();
  await db.store.update({
    where: { id: member.store.id },
    data: { fulfillmentSecretCiphertext: sealFulfillmentSecret(member.store.id, secret), fulfillmentSecretCreatedAt: createdAt },
    select: { id: true },
  });
  return { secret, createdAt };
}
