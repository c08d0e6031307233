import "server-only";
import { redirect } from "next/navigation";
import { listMyMemberships, requireMember, requireUser, type Member, type Membership } from "@/lib/auth/require-member";
import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/http/app-error";

// For pages and layouts: the same checks as requireMember(), but a signed-out visitor is sent
// to /login and a user without a store to /onboarding, instead of an error.

function loginPath(callbackPath?: string) {
  return callbackPath ? `/login?callbackUrl=${encodeURIComponent(callbackPath)}` : "/login";
}

export async function requireUserPage(callbackPath?: string): Promise<SessionUser> {
  try {
    return await requireUser();
  } catch (error) {
    if (error instanceof AppError && error.code === "unauthorized") redirect(loginPath(callbackPath));
    throw error;
  }
}

/** The current member with every store they belong to (for the store switcher). */
export async function requireMemberPage(callbackPath?: string): Promise<Member & { memberships: Membership[] }> {
  await requireUserPage(callbackPath);
  const memberships = await listMyMemberships();
  if (memberships.length === 0) redirect("/onboarding");
  const member = await requireMember();
  return { ...member, memberships };
}
