// proxy.ts: optimistic redirects for dashboard pages only.
import { NextRequest } from "next/server";
import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import { config, proxy } from "@/proxy";

const matches = (url: string) => unstable_doesMiddlewareMatch({ config, url: `http://127.0.0.1:3000${url}` });

function run(url: string, cookie?: string) {
  return proxy(new NextRequest(`http://127.0.0.1:3000${url}`, { headers: cookie ? { cookie } : {} }));
}

describe("proxy matcher", () => {
  it.each([
    "/orders",
    "/orders/abc",
    "/webhooks",
    "/webhooks/endpoints",
    "/outbox",
    "/settings",
    "/settings/team",
    "/onboarding",
  ])("runs for the dashboard page %s", (url) => expect(matches(url)).toBe(true));

  it.each([
    "/",
    "/login",
    "/signup",
    "/invite/abc",
    "/api/webhooks/tribemade/token",
    "/api/health",
    "/api/cron/outbox",
    "/api/auth/session",
    "/api/auth/callback/credentials",
    "/api/deliveries",
    "/_next/static/chunks/app.js",
    "/favicon.ico",
    "/icon.svg",
  ])("never runs for %s", (url) => expect(matches(url)).toBe(false));
});

describe("proxy", () => {
  it("sends a visitor without a session cookie to /login, remembering where they were going", () => {
    const response = run("/orders?status=started");
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.pathname).toBe("/login");
    expect(location.searchParams.get("callbackUrl")).toBe("/orders?status=started");
  });

  it.each([
    "next-auth.session-token=x",
    "__Secure-next-auth.session-token=x",
    "next-auth.session-token.0=x; next-auth.session-token.1=y",
  ])("lets a request with a session cookie through (%s); the page checks it", (cookie) => {
    const response = run("/settings", cookie);
    expect(response.headers.get("location")).toBeNull();
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });

  it("does not mistake other cookies for a session", () => {
    expect(run("/orders", "tribedesk-store=abc; next-auth.csrf-token=x").status).toBe(307);
  });
});
