"use server";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ActionResult } from "@/lib/http/action-result";
import { clientIp } from "@/lib/auth/client-ip";
import { CURRENT_STORE_COOKIE } from "@/lib/auth/current-store";
import { changeUserPassword, createUser, revokeSessions } from "@/lib/auth/mutations";
import { currentUser, requireUser } from "@/lib/auth/require-member";
import { clearSessionCookies, reissueSessionCookie } from "@/lib/auth/session-cookie-writer";
import { env } from "@/lib/env";
import { runAction } from "@/lib/http/run-action";
import { changePasswordSchema, signUpSchema } from "@/lib/auth/schemas";
import { releaseAttempt, reserveAttempt } from "@/lib/auth/throttle";

// Sign-in itself goes through next-auth's own route (POST /api/auth/callback/credentials, with
// its CSRF token); these are the account actions next-auth v4 does not offer.

/** Failed sign-ups (taken emails) per IP: an email-enumeration brake, not a sign-up quota. */
const SIGN_UP_IP_LIMIT = { limit: 20, windowMs: 15 * 60 * 1000 };

/** Creates the account; the form then signs in through next-auth with the same credentials. */
export async function signUp(input: unknown): Promise<ActionResult<{ email: string }>> {
  return runAction("signUp", signUpSchema, input, async (data) => {
    // Without a trusted address (TRUSTED_PROXY_HOPS=0 off Vercel) the brake is per email: one
    // bucket shared by every sign-up let 21 tries at a taken email close sign-up (invitees too)
    // for everybody for 15 minutes. Per email it slows probing one address and blocks no one else.
    const ip = clientIp(await headers(), env);
    const key = ip ? `signup-ip:${ip}` : `signup-email:${data.email}`;
    const reservation = await reserveAttempt([{ key, ...SIGN_UP_IP_LIMIT }]);
    const user = await createUser(data);
    await releaseAttempt(reservation);
    return { email: user.email };
  });
}

/** Drops the session cookie (sessions are stateless JWTs) and goes to /login. */
export async function signOut(): Promise<void> {
  await clearSessionCookies();
  (await cookies()).delete(CURRENT_STORE_COOKIE);
  redirect("/login");
}

/** Ends every session of the signed-in user on every device (a copied cookie too), then /login. */
export async function signOutEverywhere(): Promise<void> {
  const user = await currentUser();
  if (user) await revokeSessions(user.id);
  await clearSessionCookies();
  (await cookies()).delete(CURRENT_STORE_COOKIE);
  redirect("/login");
}

/** Guesses at the current password from a stolen session, per user. */
const PASSWORD_CHANGE_LIMIT = { limit: 5, windowMs: 15 * 60 * 1000 };

/** New password; every other device is signed out, this one gets a fresh session cookie. */
export async function changePassword(input: unknown): Promise<ActionResult<null>> {
  return runAction("changePassword", changePasswordSchema, input, async ({ currentPassword, newPassword }) => {
    const user = await requireUser();
    const reservation = await reserveAttempt([{ key: `password-change:${user.id}`, ...PASSWORD_CHANGE_LIMIT }]);
    const sessionVersion = await changeUserPassword(user.id, currentPassword, newPassword);
    await releaseAttempt(reservation);
    await reissueSessionCookie(user, sessionVersion);
    return null;
  });
}
