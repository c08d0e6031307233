import { NextResponse, type NextRequest } from "next/server";
import { isSessionCookieName } from "@/lib/auth/session-cookie";

// Optimistic redirect only (docs/code-style.md §14): a visitor without any session cookie who opens a
// dashboard page goes to /login and comes back afterwards. It never decides access: pages,
// actions and routes check the session and membership themselves (lib/auth/require-member.ts),
// and a stale or forged cookie that gets past here is refused there.

export function proxy(request: NextRequest) {
  const signedIn = request.cookies.getAll().some((cookie) => isSessionCookieName(cookie.name));
  if (signedIn) return NextResponse.next();
  const login = new URL("/login", request.url);
  const { pathname, search } = request.nextUrl;
  login.searchParams.set("callbackUrl", `${pathname}${search}`);
  return NextResponse.redirect(login);
}

// Dashboard pages only. Webhooks, health, cron, next-auth's routes, invites, sign-in pages and
// static files never pass through here.
export const config = {
  matcher: ["/orders/:path*", "/webhooks/:path*", "/outbox/:path*", "/settings/:path*", "/onboarding/:path*"],
};
