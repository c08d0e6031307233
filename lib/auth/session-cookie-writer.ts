import "server-only";
import { encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/config";
import { SESSION_COOKIE_NAMES, isSessionCookieName } from "@/lib/auth/session-cookie";
import type { SessionUser } from "@/lib/auth/session";
import { env } from "@/lib/env";

// Writes and clears next-auth v4's session cookie from a server action, for the two changes
// next-auth has no call for: dropping the cookie (sign-out) and re-issuing it with a new session
// version (a password change keeps the device that made it signed in).

type Jar = Awaited<ReturnType<typeof cookies>>;

function clear(jar: Jar, name: string) {
  // A "__Secure-" cookie can only be overwritten by a Set-Cookie that is itself Secure.
  jar.set(name, "", { path: "/", maxAge: 0, secure: name.startsWith("__Secure-"), httpOnly: true, sameSite: "lax" });
}

/** Deletes every session cookie the browser sent (either name, any chunk). */
export async function clearSessionCookies(): Promise<void> {
  const jar = await cookies();
  for (const cookie of jar.getAll()) if (isSessionCookieName(cookie.name)) clear(jar, cookie.name);
}

/**
 * Replaces the caller's session cookie with one carrying `sessionVersion`, under the name the
 * browser already uses (next-auth picks it from the site's scheme: "__Secure-" over https).
 */
export async function reissueSessionCookie(user: SessionUser, sessionVersion: number): Promise<void> {
  const jar = await cookies();
  const current = jar.getAll().find((cookie) => isSessionCookieName(cookie.name));
  const name = current?.name.startsWith("__Secure-") ? SESSION_COOKIE_NAMES[1] : SESSION_COOKIE_NAMES[0];
  for (const cookie of jar.getAll()) if (isSessionCookieName(cookie.name) && cookie.name !== name) clear(jar, cookie.name);
  const value = await encode({
    token: { sub: user.id, name: user.name, email: user.email, sv: sessionVersion },
    secret: env.AUTH_SECRET,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });
  jar.set(name, value, {
    path: "/",
    maxAge: SESSION_MAX_AGE_SECONDS,
    secure: name.startsWith("__Secure-"),
    httpOnly: true,
    sameSite: "lax",
  });
}
