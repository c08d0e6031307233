"use server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/http/action-result";
import { clientIp } from "@/lib/auth/client-ip";
import { CURRENT_STORE_COOKIE } from "@/lib/auth/current-store";
import { createUser } from "@/lib/auth/mutations";
import { env } from "@/lib/env";
import { runAction } from "@/lib/http/run-action";
import { signUpSchema } from "@/lib/auth/schemas";
import { isSessionCookieName } from "@/lib/auth/session-cookie";
import { releaseAttempt, reserveAttempt } from "@/lib/auth/throttle";

// Sign-in itself goes through next-auth's own route (POST /api/auth/callback/credentials, with
// its CSRF token); these are the two account actions next-auth v4 does not offer.

/** Failed sign-ups (taken emails) per IP: an email-enumeration brake, not a sign-up quota. */
const SIGN_UP_IP_LIMIT = { limit: 20, windowMs: 15 * 60 * 1000 };

/** Creates the account; the form then signs in through next-auth with the same credentials. */
export async function signUp(input: unknown): Promise<ActionResult<{ email: string }>> {
  return runAction("signUp", signUpSchema, input, async (data) => {
    // Without a trusted address every such sign-up shares one bucket: a brake, not a lock (it counts only taken emails).
    const ip = clientIp(await headers(), env) ?? "unknown";
    const reservation = await reserveAttempt([{ key: `signup-ip:${ip}`, ...SIGN_UP_IP_LIMIT }]);
    const user = await createUser(data);
    await releaseAttempt(reservation);
    return { email: user.email };
  });
}

/** Drops the session cookie (sessions are stateless JWTs) and goes to /login. */
export async function signOut(): Promise<void> {
  const jar = await cookies();
  for (const cookie of jar.getAll()) {
    // A "__Secure-" cookie can only be overwritten by a Set-Cookie that is itself Secure.
    if (isSessionCookieName(cookie.name)) {
      jar.set(cookie.name, "", {
        path: "/",
        maxAge: 0,
        secure: cookie.name.startsWith("__Secure-"),
        httpOnly: true,
        sameSite: "lax",
      });
    }
  }
  jar.delete(CURRENT_STORE_COOKIE);
  redirect("/login");
}
