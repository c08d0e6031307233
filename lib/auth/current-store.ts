import "server-only";
import { cookies, headers } from "next/headers";
import { env } from "@/lib/env";

// Which of the user's stores the dashboard shows, chosen with the store switcher. The cookie is
// only a preference: requireMember() checks it against the user's memberships on every call.

export const CURRENT_STORE_COOKIE = "tribedesk-store";
const ONE_YEAR = 365 * 24 * 60 * 60;

export async function readCurrentStoreCookie(): Promise<string | undefined> {
  return (await cookies()).get(CURRENT_STORE_COOKIE)?.value;
}

export async function writeCurrentStoreCookie(storeId: string): Promise<void> {
  // APP_URL (always set in production) decides, not a header a client or proxy could set.
  const secure = env.APP_URL ? env.APP_URL.startsWith("https:") : (await headers()).get("x-forwarded-proto") === "https";
  (await cookies()).set(CURRENT_STORE_COOKIE, storeId, { httpOnly: true, sameSite: "lax", secure, path: "/", maxAge: ONE_YEAR });
}
