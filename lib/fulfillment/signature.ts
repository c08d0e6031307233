import { createHmac, randomBytes } from "node:crypto";

// Standard Webhooks (standardwebhooks.com) signing for orders forwarded to a merchant's own
// system: headers webhook-id, webhook-timestamp and webhook-signature = "v1,<base64 HMAC-SHA256>"
// over "<id>.<timestamp>.<body>", keyed with the bytes of the secret after its "whsec_" prefix.
// Any Standard Webhooks library verifies it; docs/fulfillment.md shows how by hand.

const PREFIX = "whsec_";

/** A new per-store secret: "whsec_" + 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return `${PREFIX}${randomBytes(32).toString("base64")}`;
}

function keyBytes(secret: string): Buffer {
  return Buffer.from(secret.startsWith(PREFIX) ? secret.slice(PREFIX.length) : secret, "base64");
}

export function signatureHeaders(input: {
  id: string;
  timestamp: number;
  body: string | Buffer;
  secret: string;
}): Record<string, string> {
  const body = typeof input.body === "string" ? input.body : input.body.toString("utf8");
  const signed = `${input.id}.${input.timestamp}.${body}`;
  const signature = createHmac("sha256", keyBytes(input.secret)).update(signed).digest("base64");
  return {
    "webhook-id": input.id,
    "webhook-timestamp": String(input.timestamp),
    "webhook-signature": `v1,${signature}`,
  };
}
