import { NextResponse, type NextRequest } from "next/server";
import { isSessionCookieName } from "@/lib/auth/session-cookie";
import { contentSecurityPolicy, newNonce, plainHttpOrigin } from "@/lib/http/content-security-policy";

// Two jobs, both for page requests only (never /api/*, so the webhook hot path skips it):
// 1. Every page gets a Content-Security-Policy with a fresh nonce. Next.js reads the policy from
//    the request headers and puts the nonce on its scripts; the root layout reads x-nonce for the
//    theme script (docs/security.md).
// 2. Optimistic redirect only (docs/code-style.md §14): a visitor without any session cookie who
//    opens a dashboard page goes to /login and comes back afterwards. It never decides access:
//    pages, actions and routes check the session and membership themselves
//    (lib/auth/require-member.ts), and a stale or forged cookie that gets past here is refused there.

const DASHBOARD_PREFIXES = ["/orders", "/products", "/webhooks", "/outbox", "/settings", "/onboarding"];

function isDashboardPath(pathname: string): boolean {
  return DASHBOARD_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

// Entry point (like lib/env.ts): Next.js inlines NODE_ENV at build time.
// eslint-disable-next-line no-restricted-properties
const dev = process.env.NODE_ENV === "development";
// The local simulator's product images (http://127.0.0.1:…); TribeMade's are https.
// eslint-disable-next-line no-restricted-properties
const simulatorImages = plainHttpOrigin(process.env.TRIBEMADE_API_BASE_URL);

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce, { dev, imageOrigins: simulatorImages ? [simulatorImages] : [] });

  const { pathname, search } = request.nextUrl;
  const signedIn = request.cookies.getAll().some((cookie) => isSessionCookieName(cookie.name));
  if (isDashboardPath(pathname) && !signedIn) {
    const login = new URL("/login", request.url);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    const redirect = NextResponse.redirect(login);
    redirect.headers.set("Content-Security-Policy", policy);
    return redirect;
  }

  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

// Pages only: not the API (webhooks, health, cron, next-auth, deliveries), not static files.
// Prefetches are skipped as the Next.js docs advise: they render no document to protect.
export const config = {
  matcher: [
    {
      source: "/((?!api/|api$|_next/static|_next/image|favicon\\.ico|icon\\.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
