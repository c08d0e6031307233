// With APP_URL set (always, in production), links shown once and cookie security come from it,
// never from the request's Host / X-Forwarded-* headers, which a client or a misconfigured proxy
// can set.
import { beforeEach, describe, expect, it, vi } from "vitest";

process.env.APP_URL = "https://desk.example.in";

vi.mock("next/headers", async () => (await import("@/tests/fixtures/auth-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/tests/fixtures/auth-request")).nextCache);

const { actAs, requestScope, SESSION_COOKIE } = await import("@/tests/fixtures/auth-request");
const { createMerchant } = await import("@/tests/fixtures/auth-merchants");
const { createInvite, switchStore } = await import("@/lib/stores/actions");

/** A request that arrived with a hostile Host, over plain http. */
function hostileHost() {
  requestScope.headers.set("host", "evil.example");
  requestScope.headers.set("x-forwarded-host", "evil.example");
  requestScope.headers.set("x-forwarded-proto", "http");
}

let merchant: Awaited<ReturnType<typeof createMerchant>>;
beforeEach(async () => {
  merchant = await createMerchant("Origin");
  await actAs(merchant.user);
  // An https APP_URL makes next-auth use its "__Secure-" cookie name, as a browser on the site would hold it.
  requestScope.cookies.set(`__Secure-${SESSION_COOKIE}`, requestScope.cookies.get(SESSION_COOKIE)!);
  requestScope.cookies.delete(SESSION_COOKIE);
  hostileHost();
});

describe("APP_URL decides", () => {
  it("the invite link's origin", async () => {
    const result = await createInvite({ storeId: merchant.store.id, role: "staff" });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.data.inviteUrl).toMatch(/^https:\/\/desk\.example\.in\/invite\/[A-Za-z0-9_-]{43}$/);
  });

  it("that the store cookie is Secure, though this request came over http", async () => {
    expect(await switchStore({ storeId: merchant.store.id })).toMatchObject({ ok: true });
    expect(requestScope.cookieOptions.get("tribedesk-store")).toMatchObject({ secure: true, httpOnly: true });
  });
});
