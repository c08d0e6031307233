import "server-only";
import type { Member, Owner } from "@/lib/auth/require-member";
import { newUrlToken, sha256Hex } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { AppError } from "@/lib/http/app-error";
import { ingest } from "@/lib/webhooks/ingest/ingest";
import type { StoredDelivery } from "@/lib/webhooks/ingest/statement";
import { getDeliveryForReplayOrThrow } from "@/lib/webhooks/queries";
import { MAX_ACTIVE_ENDPOINTS, type EndpointDto, type ReplayResultDto } from "@/lib/webhooks/schemas";

// Writes behind the inspector's actions. Every function takes the caller (the Member or Owner from
// requireMember/requireOwner in lib/webhooks/actions.ts) and touches only its store's rows.

function toEndpointDto(endpoint: {
  id: string;
  label: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}): EndpointDto {
  return {
    id: endpoint.id,
    label: endpoint.label,
    createdAt: endpoint.createdAt.toISOString(),
    revokedAt: endpoint.revokedAt?.toISOString() ?? null,
    lastUsedAt: endpoint.lastUsedAt?.toISOString() ?? null,
    deliveries24h: 0,
  };
}

const ENDPOINT_SELECT = { id: true, label: true, createdAt: true, revokedAt: true, lastUsedAt: true } as const;

/** A new endpoint and its secret token (stored only as SHA-256, so this is the one chance to show it). */
export async function createEndpoint(owner: Owner, label: string): Promise<{ endpoint: EndpointDto; token: string }> {
  const storeId = owner.store.id;
  const token = newUrlToken();
  const endpoint = await db.$transaction(async (tx) => {
    // Two owners creating at once must not both pass the count: lock the store row first.
    await tx.$executeRaw`SELECT 1 FROM "Store" WHERE id = ${storeId}::uuid FOR UPDATE`;
    const active = await tx.webhookEndpoint.count({ where: { storeId, revokedAt: null } });
    if (active >= MAX_ACTIVE_ENDPOINTS) {
      throw new AppError(
        "conflict",
        `This store already has ${MAX_ACTIVE_ENDPOINTS} active endpoints, TribeMade's limit. Revoke one you no longer use first.`,
      );
    }
    return tx.webhookEndpoint.create({ data: { storeId, label, tokenHash: sha256Hex(token) }, select: ENDPOINT_SELECT });
  });
  return { endpoint: toEndpointDto(endpoint), token };
}

export async function renameEndpoint(owner: Owner, endpointId: string, label: string): Promise<void> {
  const { count } = await db.webhookEndpoint.updateMany({ where: { id: endpointId, storeId: owner.store.id }, data: { label } });
  if (count === 0) throw new AppError("not_found", "That endpoint does not exist in this store.");
}

/** Revokes at once: TribeMade's next request to its URL gets 404 and nothing is stored. Idempotent. */
export async function revokeEndpoint(owner: Owner, endpointId: string): Promise<{ revokedAt: string }> {
  const storeId = owner.store.id;
  const endpoint = await db.webhookEndpoint.findFirst({ where: { id: endpointId, storeId }, select: { revokedAt: true } });
  if (!endpoint) throw new AppError("not_found", "That endpoint does not exist in this store.");
  if (endpoint.revokedAt) return { revokedAt: endpoint.revokedAt.toISOString() };
  const revokedAt = new Date();
  await db.webhookEndpoint.updateMany({ where: { id: endpointId, storeId, revokedAt: null }, data: { revokedAt } });
  return { revokedAt: revokedAt.toISOString() };
}

/**
 * Re-runs ingest on the stored bytes and headers, through the endpoint they arrived at (even if
 * revoked since: the merchant chose this delivery). Idempotent like any delivery: an order that is
 * already recorded answers duplicate. The new delivery row points back with replayOfId.
 */
export async function replayDelivery(
  member: Member,
  deliveryId: string,
): Promise<{ result: ReplayResultDto; stored: StoredDelivery | null }> {
  const original = await getDeliveryForReplayOrThrow(member, deliveryId);
  const outcome = await ingest({
    endpoint: { kind: "endpoint", endpointId: original.endpointId, storeId: member.store.id },
    body: new Uint8Array(original.body),
    // The stored body of an oversized delivery is its first 256 KiB; it is still oversized.
    truncated: original.reason === "payload_too_large",
    headers: original.headers,
    startedAt: performance.now(),
    replayOfId: original.id,
  });
  if (outcome.ok) {
    const status = outcome.ack.status;
    const message =
      status === "duplicate"
        ? "Already recorded: acknowledged as a duplicate, nothing added."
        : "Accepted: a new order was recorded.";
    return {
      result: { deliveryId: outcome.delivery.deliveryId, outcome: status, reason: null, message },
      stored: outcome.delivery,
    };
  }
  const stored = outcome.delivery;
  return {
    result: {
      deliveryId: stored?.deliveryId ?? null,
      outcome: stored?.outcome ?? null,
      reason: outcome.error.code,
      message: outcome.error.message,
    },
    stored,
  };
}
