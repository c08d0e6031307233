import "server-only";
import { cache } from "react";
import { readCurrentStoreCookie } from "@/lib/auth/current-store";
import { auth, type SessionClaims, type SessionUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/http/app-error";

// The access check every server action, member route and page runs first (docs/code-style.md §14); the
// Member it returns is the first argument of every data function, which scopes by member.store.id.
// Authentication comes from the session cookie; the store from the argument, else the
// store-switcher cookie, else the user's first store — always checked against memberships.

export type MemberStore = { id: string; name: string };
export type Membership = { store: MemberStore; role: Role };
export type Member = { user: SessionUser; store: MemberStore; role: Role };
/** A Member whose role is owner: owner-only data functions take this, so the compiler asks for the check. */
export type Owner = Member & { role: "owner" };

/** Thrown when the signed-in user has no store yet; pages send them to /onboarding. */
export const NO_STORE_MESSAGE = "You don't belong to a store yet.";

const loadUser = cache(async (id: string) =>
  db.user.findUnique({ where: { id }, select: { id: true, name: true, email: true, sessionVersion: true } }),
);

const loadMemberships = cache(async (userId: string): Promise<Membership[]> =>
  db.membership.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { role: true, store: { select: { id: true, name: true } } },
  }),
);

/**
 * The signed-in user if the session is valid, the user still exists and the session is not
 * revoked (its version is the user's current one: "sign out of all devices" and a password
 * change bump it); else null.
 */
export async function currentUser(): Promise<SessionUser | null> {
  return verifiedUser(await auth());
}

/** The check behind currentUser, for claims from anywhere (the production server reads the feed stream's itself). */
async function verifiedUser(claims: SessionClaims | null): Promise<SessionUser | null> {
  const user = claims ? await loadUser(claims.id) : null;
  if (!user || user.sessionVersion !== claims?.sessionVersion) return null;
  return { id: user.id, name: user.name, email: user.email };
}

/** The signed-in user, still present in the database; else AppError unauthorized. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new AppError("unauthorized", "Sign in to continue.");
  return user;
}

/** Every store the signed-in user belongs to, oldest membership first. */
export async function listMyMemberships(): Promise<Membership[]> {
  const user = await requireUser();
  return loadMemberships(user.id);
}

/**
 * The signed-in user's membership of `storeId` (or of the current store when omitted).
 * Throws AppError unauthorized (signed out) or forbidden (not a member / no store).
 */
export async function requireMember(storeId?: string): Promise<Member> {
  const user = await requireUser();
  const memberships = await loadMemberships(user.id);
  if (storeId !== undefined) {
    const match = memberships.find((membership) => membership.store.id === storeId);
    if (!match) throw new AppError("forbidden", "You don't have access to that store.");
    return { user, ...match };
  }
  return { user, ...pickMembership(memberships, await readCurrentStoreCookie()) };
}

/**
 * requireMember for a request Next.js does not handle (scripts/serve.ts answers the live feed's
 * stream itself): the same checks, from the session claims and store cookie it read.
 */
export async function memberFromClaims(claims: SessionClaims | null, preferredStoreId: string | undefined): Promise<Member> {
  const user = await verifiedUser(claims);
  if (!user) throw new AppError("unauthorized", "Sign in to continue.");
  return { user, ...pickMembership(await loadMemberships(user.id), preferredStoreId) };
}

/** The store-switcher's choice when it is still one of the user's stores, else the oldest membership. */
function pickMembership(memberships: Membership[], preferredStoreId: string | undefined): Membership {
  const match = memberships.find((membership) => membership.store.id === preferredStoreId) ?? memberships[0];
  if (!match) throw new AppError("forbidden", NO_STORE_MESSAGE, { reason: "no_store" });
  return match;
}

export function isOwner(member: Member): member is Owner {
  return member.role === "owner";
}

/** requireMember, and the role must be owner. */
export async function requireOwner(storeId?: string): Promise<Owner> {
  const member = await requireMember(storeId);
  if (!isOwner(member)) throw new AppError("forbidden", "Only the store's owners can do that.");
  return member;
}

/**
 * For a settings form rendered for `formStoreId`: the current store (the switcher's cookie) must
 * still be that one. A tab opened before a switch in another tab would otherwise save into the
 * store the other tab chose. AppError conflict, saying which store is current now.
 */
export async function requireFormStore(formStoreId: string): Promise<Member> {
  const member = await requireMember();
  if (member.store.id !== formStoreId) {
    throw new AppError("conflict", `You switched to ${member.store.name} in another tab. Reload this page: nothing was saved.`);
  }
  return member;
}

/** requireFormStore, and the role must be owner (every settings form but the read-only ones). */
export async function requireFormOwner(formStoreId: string): Promise<Owner> {
  const member = await requireFormStore(formStoreId);
  if (!isOwner(member)) throw new AppError("forbidden", "Only the store's owners can do that.");
  return member;
}
