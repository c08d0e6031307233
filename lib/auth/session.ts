import "server-only";
import { getServerSession } from "next-auth/next";
import { cache } from "react";
import { authOptions } from "@/lib/auth/config";

export type SessionUser = { id: string; name: string; email: string };

/** The signed-in user from the session cookie, or null. Decoded once per request. */
export const auth = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const user = session?.user;
  return user?.id ? { id: user.id, name: user.name, email: user.email } : null;
});
