import "server-only";
import type { Owner } from "@/lib/auth/require-member";
import type { SessionUser } from "@/lib/auth/session";
import { randomUUID } from "node:crypto";
import { newUrlToken, sha256Hex } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/http/app-error";
import { resumeOutbox } from "@/lib/outbox/resume";
import { wakeDrainAfter } from "@/lib/outbox/wake";
import type { KeyCheckResult } from "@/lib/tribemade/key-check";
import { sealStoreApiKey } from "@/lib/stores/api-key";
import { checkApiKey } from "@/lib/stores/check-api-key";
import { maskApiKey, type StoreDetails } from "@/lib/stores/schemas";

// Store, key, team and invite writes. Each takes the caller (the Owner from requireOwner(), or the
// SessionUser from requireUser() before the caller has a store) and scopes every statement by the
// caller's store, so no id from the browser reaches another store's rows.

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const LAST_OWNER_MESSAGE = "A store needs at least one owner. Make someone else an owner first.";

/** TribeMade's 401 stops a create or replace; an unreachable TribeMade does not (checked later). */
async function checkKeyOrThrow(user: SessionUser, apiKey: string): Promise<KeyCheckResult> {
  const check = await checkApiKey(user, apiKey);
  if (check.status === "rejected") throw new AppError("validation_failed", check.message, { apiKey: check.message });
  return check;
}

export type CreatedStore = { storeId: string; storeName: string; webhookToken: string; keyCheck: KeyCheckResult };

/** A new store owned by the caller, with its first webhook endpoint, in one transaction. */
export async function createStoreWithOwner(
  user: SessionUser,
  input: { name: string; apiKey: string; tribemadeStoreId: string | null },
): Promise<CreatedStore> {
  const keyCheck = await checkKeyOrThrow(user, input.apiKey);
  const webhookToken = newUrlToken();
  const storeId = randomUUID();
  const store = await db.$transaction(async (tx) => {
    const created = await tx.store.create({
      // The id is chosen here because the key's ciphertext is bound to it.
      data: {
        id: storeId,
        name: input.name,
        tribemadeStoreId: input.tribemadeStoreId,
        ...sealStoreApiKey(storeId, input.apiKey),
      },
      select: { id: true, name: true },
    });
    await tx.membership.create({ data: { userId: user.id, storeId: created.id, role: "owner" } });
    await tx.webhookEndpoint.create({ data: { storeId: created.id, tokenHash: sha256Hex(webhookToken), label: "TribeMade" } });
    return created;
  });
  return { storeId: store.id, storeName: store.name, webhookToken, keyCheck };
}

export async function updateStoreDetails({ store }: Owner, details: StoreDetails): Promise<void> {
  await db.store.update({ where: { id: store.id }, data: details, select: { id: true } });
}

/** Checks the new key with TribeMade, then stores it encrypted; returns only the masked form. */
export async function replaceApiKey(
  { store, user }: Owner,
  apiKey: string,
): Promise<{ apiKeyMasked: string; keyCheck: KeyCheckResult }> {
  const keyCheck = await checkKeyOrThrow(user, apiKey);
  await db.store.update({ where: { id: store.id }, data: sealStoreApiKey(store.id, apiKey), select: { id: true } });
  // A key TribeMade rejected had paused the outbox; the new one resumes it.
  if (await resumeOutbox(store.id)) wakeDrainAfter(store.id);
  return { apiKeyMasked: maskApiKey(apiKey.slice(-4)) ?? "", keyCheck };
}

export async function createInvite(
  { store, user }: Owner,
  role: Role,
  now = new Date(),
): Promise<{ inviteId: string; token: string; expiresAt: Date }> {
  const token = newUrlToken();
  const invite = await db.$transaction(async (tx) => {
    // Under the same lock as role changes: an owner being demoted right now cannot slip a new
    // invite past the revocation of their others.
    await lockStoreAsOwner(tx, store.id, user.id);
    return tx.invite.create({
      data: {
        storeId: store.id,
        tokenHash: sha256Hex(token),
        role,
        createdById: user.id,
        expiresAt: new Date(now.getTime() + INVITE_TTL_MS),
      },
      select: { id: true, expiresAt: true },
    });
  });
  return { inviteId: invite.id, token, expiresAt: invite.expiresAt };
}

export async function revokeInvite({ store }: Owner, inviteId: string, now = new Date()): Promise<void> {
  const { count } = await db.invite.updateMany({
    where: { id: inviteId, storeId: store.id, usedAt: null, revokedAt: null },
    data: { revokedAt: now },
  });
  if (count === 0) throw new AppError("not_found", "That invite is already used, revoked or gone.");
}

/** Joins the caller to the invite's store, consuming the invite exactly once. */
export async function acceptInvite(
  user: SessionUser,
  token: string,
  now = new Date(),
): Promise<{ storeId: string; storeName: string }> {
  return db.$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({
      where: { tokenHash: sha256Hex(token) },
      select: {
        id: true,
        storeId: true,
        role: true,
        expiresAt: true,
        usedAt: true,
        revokedAt: true,
        store: { select: { name: true } },
      },
    });
    if (!invite) throw new AppError("not_found", "This invite link isn't valid. Ask the store owner for a new one.");
    if (invite.revokedAt) throw new AppError("conflict", "This invite was revoked. Ask the store owner for a new one.");
    if (invite.usedAt) throw new AppError("conflict", "This invite has already been used. Ask the store owner for a new one.");
    if (invite.expiresAt <= now) throw new AppError("conflict", "This invite has expired. Ask the store owner for a new one.");
    const existing = await tx.membership.findUnique({
      where: { userId_storeId: { userId: user.id, storeId: invite.storeId } },
      select: { id: true },
    });
    if (existing) throw new AppError("conflict", `You're already a member of ${invite.store.name}.`);
    // The guarded update is what makes the invite one-time when two people click at once.
    const { count } = await tx.invite.updateMany({
      where: { id: invite.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now, usedById: user.id },
    });
    if (count === 0) throw new AppError("conflict", "This invite has already been used. Ask the store owner for a new one.");
    await tx.membership.create({ data: { userId: user.id, storeId: invite.storeId, role: invite.role } });
    return { storeId: invite.storeId, storeName: invite.store.name };
  });
}

/** What a team change leaves for the owner to do. */
export type TeamChangeResult = {
  /**
   * Another person stopped being an owner. Owners can copy the webhook URLs and the fulfillment
   * signing secret, and removing them revokes neither: anyone holding a webhook URL can post
   * deliveries, so the remaining owner is asked to rotate both.
   */
  rotateCredentials: boolean;
};

/** Role changes and removals lock the store row, so two owners demoting each other at once
 * cannot leave it with none. */
async function changeTeam(
  { store, user }: Owner,
  membershipId: string,
  change: { role: Role } | "remove",
  now = new Date(),
): Promise<TeamChangeResult> {
  return db.$transaction(async (tx) => {
    await lockStoreAsOwner(tx, store.id, user.id);
    const target = await tx.membership.findFirst({
      where: { id: membershipId, storeId: store.id },
      select: { id: true, role: true, userId: true },
    });
    if (!target) throw new AppError("not_found", "That person is not on this store's team.");
    const losesOwner = target.role === "owner" && (change === "remove" || change.role !== "owner");
    if (losesOwner && (await tx.membership.count({ where: { storeId: store.id, role: "owner" } })) <= 1) {
      throw new AppError("conflict", LAST_OWNER_MESSAGE);
    }
    if (change === "remove") await tx.membership.delete({ where: { id: target.id } });
    else await tx.membership.update({ where: { id: target.id }, data: { role: change.role } });
    // Their invite links were them vouching for the holder; that ends with their ownership.
    if (losesOwner) {
      await tx.invite.updateMany({
        where: { storeId: store.id, createdById: target.userId, usedAt: null, revokedAt: null },
        data: { revokedAt: now },
      });
    }
    return { rotateCredentials: losesOwner && target.userId !== user.id };
  });
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** Locks the store row (team changes and invites serialize on it) and re-checks, under the lock,
 * that the caller is still an owner: they may have been demoted while this call waited. */
async function lockStoreAsOwner(tx: Tx, storeId: string, userId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Store" WHERE id = ${storeId}::uuid FOR UPDATE`;
  const caller = await tx.membership.findFirst({ where: { storeId, userId, role: "owner" }, select: { id: true } });
  if (!caller) throw new AppError("forbidden", "Only the store's owners can do that.");
}

export function changeMemberRole(owner: Owner, membershipId: string, role: Role): Promise<TeamChangeResult> {
  return changeTeam(owner, membershipId, { role });
}

export function removeMember(owner: Owner, membershipId: string): Promise<TeamChangeResult> {
  return changeTeam(owner, membershipId, "remove");
}
