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
    "/",
    "/login",
    "/signup",
    "/invite/abc",
    "/orders",
    "/orders/abc",
    "/webhooks",
    "/webhooks/endpoints",
    "/outbox",
    "/settings",
    "/settings/team",
    "/onboarding",
    "/no-such-page",
  ])("runs for the page %s (every page gets a Content-Security-Policy)", (url) => expect(matches(url)).toBe(true));

  it.each([
    "/api/webhooks/tribemade/token",
    "/api/health",
    "/api/cron/outbox",
    "/api/auth/session",
    "/api/auth/callback/credentials",
    "/api/deliveries",
    "/_next/static/chunks/app.js",
    "/_next/image",
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

describe("sign-in redirect only on dashboard pages", () => {
  it.each(["/", "/login", "/signup?callbackUrl=%2Forders", "/invite/abc"])("lets %s through without a session", (url) => {
    const response = run(url);
    expect(response.headers.get("location")).toBeNull();
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });
});

describe("Content-Security-Policy", () => {
  function policyOf(response: Response) {
    const header = response.headers.get("content-security-policy") ?? "";
    return new Map(
      header
        .split(";")
        .map((directive) => directive.trim().split(/\s+/))
        .filter((parts) => parts[0])
        .map(([name, ...values]) => [name!, values]),
    );
  }

  it("sends a per-request nonce with strict-dynamic, and the fixed directives", () => {
    const first = run("/login");
    const policy = policyOf(first);
    const nonce = /^'nonce-([A-Za-z0-9+/=]{22,})'$/.exec(policy.get("script-src")?.[0] ?? "")?.[1];
    expect(nonce).toBeDefined();
    expect(policy.get("script-src")).toContain("'strict-dynamic'");
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    expect(policy.get("script-src")).not.toContain("'unsafe-eval'");
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);

    const second = policyOf(run("/login")).get("script-src")?.[0];
    expect(second).not.toBe(policy.get("script-src")?.[0]);
  });

  it("hands the nonce and the policy to the page render (Next.js puts the nonce on its own scripts)", () => {
    const response = run("/settings", "next-auth.session-token=x");
    const csp = response.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(response.headers.get("x-middleware-request-x-nonce")).toBe(nonce);
    expect(response.headers.get("x-middleware-request-content-security-policy")).toBe(csp);
  });

  it("is on the redirect to /login too", () => {
    const response = run("/orders");
    expect(response.status).toBe(307);
    expect(response.headers.get("content-security-policy")).toMatch(/frame-ancestors 'none'/);
  });
});
