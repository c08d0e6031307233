import "server-only";
import type { Member, Owner } from "@/lib/auth/require-member";
import { sha256Hex } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { urlWithoutSecrets } from "@/lib/http/url-without-secrets";
import type { Role } from "@/lib/generated/prisma/enums";
import { maskApiKey } from "@/lib/stores/schemas";

// Reads for settings, onboarding and invites. Each takes the caller (requireMember/requireOwner) and
// is scoped by its store; only the invite preview is public (the token is the credential).

export type StoreSettings = {
  id: string;
  name: string;
  tribemadeStoreId: string | null;
  apiKeyMasked: string | null;
  /** Staff get its origin and path only (lib/http/url-without-secrets.ts). */
  fulfillmentUrl: string | null;
  retentionDays: number;
  /** The store rule "mark new orders processing" (lib/orders/mutations.ts markProcessingByRule). */
  autoProcessNewOrders: boolean;
  createdAt: Date;
  role: Role;
};

/** The current store's settings; every member may read them (the key only masked, the fulfillment
 * URL without its query string for staff: it may hold the receiver's token). */
export async function getStoreSettings(member: Member): Promise<StoreSettings> {
  const store = await db.store.findUniqueOrThrow({
    where: { id: member.store.id },
    select: {
      id: true,
      name: true,
      tribemadeStoreId: true,
      apiKeyLast4: true,
      fulfillmentUrl: true,
      retentionDays: true,
      autoProcessNewOrders: true,
      createdAt: true,
    },
  });
  const { apiKeyLast4, fulfillmentUrl, ...rest } = store;
  return {
    ...rest,
    fulfillmentUrl: fulfillmentUrl && member.role !== "owner" ? urlWithoutSecrets(fulfillmentUrl) : fulfillmentUrl,
    apiKeyMasked: maskApiKey(apiKeyLast4),
    role: member.role,
  };
}

export type TeamMember = {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: Date;
  isYou: boolean;
};

/** The current store's team (owners only: it lists email addresses). */
export async function listTeam(member: Owner): Promise<TeamMember[]> {
  const rows = await db.membership.findMany({
    where: { storeId: member.store.id },
    orderBy: [{ createdAt: "asc" }],
    select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  return rows.map((row) => ({
    membershipId: row.id,
    userId: row.user.id,
    name: row.user.name,
    email: row.user.email,
    role: row.role,
    joinedAt: row.createdAt,
    isYou: row.user.id === member.user.id,
  }));
}

export type PendingInvite = {
  id: string;
  role: Role;
  createdAt: Date;
  expiresAt: Date;
  /** Who vouched for the link holder; their links are revoked when they stop being an owner. */
  createdBy: { name: string; isYou: boolean };
};

/** Invites of the current store that can still be used (owners only). */
export async function listPendingInvites(member: Owner, now = new Date()): Promise<PendingInvite[]> {
  const rows = await db.invite.findMany({
    where: { storeId: member.store.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, role: true, createdAt: true, expiresAt: true, createdBy: { select: { id: true, name: true } } },
  });
  return rows.map(({ createdBy, ...invite }) => ({
    ...invite,
    createdBy: { name: createdBy.name, isYou: createdBy.id === member.user.id },
  }));
}

export type InvitePreview =
  | { status: "valid"; storeId: string; storeName: string; role: Role; expiresAt: Date }
  | { status: "expired" | "used" | "revoked"; storeId: string; storeName: string }
  | { status: "unknown" };

/** What an invite link leads to. Public: whoever holds the link may see the store's name. */
export async function getInvitePreview(token: string, now = new Date()): Promise<InvitePreview> {
  const invite = await db.invite.findUnique({
    where: { tokenHash: sha256Hex(token) },
    select: { role: true, expiresAt: true, usedAt: true, revokedAt: true, store: { select: { id: true, name: true } } },
  });
  if (!invite) return { status: "unknown" };
  const known = { storeId: invite.store.id, storeName: invite.store.name };
  if (invite.revokedAt) return { status: "revoked", ...known };
  if (invite.usedAt) return { status: "used", ...known };
  if (invite.expiresAt <= now) return { status: "expired", ...known };
  return { status: "valid", ...known, role: invite.role, expiresAt: invite.expiresAt };
}
