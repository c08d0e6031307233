import "server-only";
import { cache } from "react";
import { readCurrentStoreCookie } from "@/lib/auth/current-store";
import { auth, type SessionUser } from "@/lib/auth/session";
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
  db.user.findUnique({ where: { id }, select: { id: true, name: true, email: true } }),
);

const loadMemberships = cache(async (userId: string): Promise<Membership[]> =>
  db.membership.findMany({
    where: { userId },
    orderBy: { createdAt: "asc" },
    select: { role: true, store: { select: { id: true, name: true } } },
  }),
);

/** The signed-in user if the session is valid and the user still exists; else null. */
export async function currentUser(): Promise<SessionUser | null> {
  const session = await auth();
  return session ? loadUser(session.id) : null;
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
  const preferred = await readCurrentStoreCookie();
  const match = memberships.find((membership) => membership.store.id === preferred) ?? memberships[0];
  if (!match) throw new AppError("forbidden", NO_STORE_MESSAGE, { reason: "no_store" });
  return { user, ...match };
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
