import "server-only";
import { getToken } from "next-auth/jwt";
import { getServerSession } from "next-auth/next";
import { cache } from "react";
import { authOptions } from "@/lib/auth/config";
import { SESSION_COOKIE_NAMES } from "@/lib/auth/session-cookie";
import { env } from "@/lib/env";

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

/**
 * The same claims from a request's parsed cookies, for a request Next.js does not handle
 * (scripts/serve.ts answers the live feed's stream itself). next-auth's own decoder checks the seal
 * and the expiry; a bearer header is never looked at.
 */
export async function claimsFromCookies(cookies: Record<string, string | undefined>): Promise<SessionClaims | null> {
  const names = Object.keys(cookies);
  // The "__Secure-" name when signed in over https, else the plain one; both are sealed with AUTH_SECRET.
  const cookieName = [...SESSION_COOKIE_NAMES]
    .reverse()
    .find((base) => names.some((name) => name === base || name.startsWith(`${base}.`)));
  if (!cookieName) return null;
  const token = await getToken({
    req: { cookies, headers: {} } as unknown as Parameters<typeof getToken>[0]["req"],
    cookieName,
    secureCookie: cookieName.startsWith("__Secure-"),
    secret: env.AUTH_SECRET,
    logger: { error: () => undefined, warn: () => undefined, debug: () => undefined },
  });
  if (!token?.sub) return null;
  return { id: token.sub, name: token.name ?? "", email: token.email ?? "", sessionVersion: token.sv ?? 0 };
}
