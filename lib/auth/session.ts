import "server-only";
import { getServerSession } from "next-auth/next";
import { cache } from "react";
import { authOptions } from "@/lib/auth/config";

export type SessionUser = { id: string; name: string; email: string };
/** What the cookie says; requireUser() checks it against the database before anyone trusts it. */
export type SessionClaims = SessionUser & { sessionVersion: number };

/** The session cookie's claims, or null. Decoded once per request. */
export const auth = cache(async (): Promise<SessionClaims | null> => {
  const session = await getServerSession(authOptions);
  const user = session?.user;
  if (!session || !user?.id) return null;
  return { id: user.id, name: user.name, email: user.email, sessionVersion: session.sessionVersion ?? 0 };
});
