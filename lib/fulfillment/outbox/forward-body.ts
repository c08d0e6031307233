import "server-only";
import { pgPool } from "@/lib/db";

/**
 * What a forward sends: the order's accepted delivery byte for byte as TribeMade sent it, so a
 * receiver written for TribeMade's webhook works unchanged; the stored payload once retention
 * has purged the raw bytes.
 */
export async function loadForwardBody(orderId: string): Promise<Buffer | null> {
  const { rows } = await pgPool.query<{ body: Buffer | null; payload: unknown }>(
    `SELECT (SELECT d.body FROM "WebhookDelivery" d
              WHERE d."orderId" = o.id AND d.outcome = 'accepted' AND d."purgedAt" IS NULL
              ORDER BY d."receivedAt" LIMIT 1) AS body,
            o.payload
     FROM "Order" o WHERE o.id = $1::uuid`,
    [orderId],
  );
  const row = rows[0];
  if (!row) return null;
  return row.body && row.body.length > 0 ? row.body : Buffer.from(JSON.stringify(row.payload));
}
