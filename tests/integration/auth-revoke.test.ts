// Sessions that can be revoked: a copied session cookie stops working after "sign out of all
// devices" or a password change, because every request compares the session's version with the
// user's (requireUser reads the user anyway).
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/tests/fixtures/auth-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/tests/fixtures/auth-request")).nextCache);

const { actAs, applySetCookies, requestScope, resetRequest, scopedRequest, SESSION_COOKIE } =
  await import("@/tests/fixtures/auth-request");
const { createMerchant, createUser, TEST_PASSWORD } = await import("@/tests/fixtures/auth-merchants");
const { changePassword, signOutEverywhere } = await import("@/lib/auth/actions");
const { authenticate } = await import("@/lib/auth/authenticate");
const { currentUser, requireMember, requireUser } = await import("@/lib/auth/require-member");
const route = await import("@/app/api/auth/[...nextauth]/route");
const { db } = await import("@/lib/db");

const NEW_PASSWORD = "a brand new long passphrase";

function appError(code: string) {
  return expect.objectContaining({ name: "AppError", code });
}

/** The session cookie of the current scope, as a thief who copied it would hold it. */
function copyCookie(): string {
  const value = requestScope.cookies.get(SESSION_COOKIE);
  if (!value) throw new Error("no session cookie in this scope");
  return value;
}

async function withCookie(value: string) {
  resetRequest();
  requestScope.cookies.set(SESSION_COOKIE, value);
}

type Handler = (request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

/** Signs in through next-auth's own route, as the login form does; the cookie lands in the scope. */
async function signInThroughNextAuth(email: string, password: string) {
  const call = async (method: "GET" | "POST", path: string, form?: Record<string, string>) => {
    const request = scopedRequest(`/api/auth/${path}`, {
      method,
      body: form ? new URLSearchParams(form).toString() : undefined,
      headers: form ? { "content-type": "application/x-www-form-urlencoded" } : {},
    });
    const handler = (method === "GET" ? route.GET : route.POST) as Handler;
    const response = await handler(new NextRequest(request), { params: Promise.resolve({ nextauth: path.split("/") }) });
    applySetCookies(response);
    return response;
  };
  const { csrfToken } = (await (await call("GET", "csrf")).json()) as { csrfToken: string };
  const response = await call("POST", "callback/credentials", {
    email,
    password,
    csrfToken,
    callbackUrl: "/orders",
    json: "true",
  });
  return new URL(((await response.json()) as { url: string }).url, "http://127.0.0.1:3000").searchParams.get("error");
}

beforeEach(() => resetRequest());

describe("the session version", () => {
  it("is checked on every request: bumping it refuses cookies issued before", async () => {
    const user = await createUser();
    await actAs(user);
    expect(await currentUser()).toEqual(user);
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await currentUser()).toBeNull();
    await expect(requireUser()).rejects.toEqual(appError("unauthorized"));
    await expect(requireMember()).rejects.toEqual(appError("unauthorized"));
  });

  it("is carried by a session next-auth issues at sign-in", async () => {
    const user = await createUser();
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: 7 } });
    expect(await signInThroughNextAuth(user.email, TEST_PASSWORD)).toBeNull();
    expect(await currentUser()).toEqual(user);
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: 8 } });
    expect(await currentUser()).toBeNull();
  });
});

describe("signOutEverywhere", () => {
  it("ends every session of the user, including a copied cookie, and goes to /login", async () => {
    const merchant = await createMerchant("Alpha");
    expect(await signInThroughNextAuth(merchant.user.email, TEST_PASSWORD)).toBeNull();
    const laptop = copyCookie();
    resetRequest("203.0.113.8");
    expect(await signInThroughNextAuth(merchant.user.email, TEST_PASSWORD)).toBeNull();
    const phone = copyCookie();

    await withCookie(phone);
    await expect(signOutEverywhere()).rejects.toMatchObject({ digest: expect.stringContaining("/login") });
    expect(requestScope.cookies.has(SESSION_COOKIE)).toBe(false);

    for (const stolen of [laptop, phone]) {
      await withCookie(stolen);
      expect(await currentUser()).toBeNull();
      await expect(requireMember()).rejects.toEqual(appError("unauthorized"));
    }
    // Signing in again works as before.
    resetRequest();
    expect(await signInThroughNextAuth(merchant.user.email, TEST_PASSWORD)).toBeNull();
    expect(await currentUser()).toEqual(merchant.user);
  });

  it("refuses a signed-out caller and changes nothing", async () => {
    const user = await createUser();
    await actAs(null);
    await expect(signOutEverywhere()).rejects.toMatchObject({ digest: expect.stringContaining("/login") });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).sessionVersion).toBe(0);
  });
});

describe("changePassword", () => {
  it("changes the password, keeps this device signed in and signs out every other one", async () => {
    const user = await createUser();
    expect(await signInThroughNextAuth(user.email, TEST_PASSWORD)).toBeNull();
    const otherDevice = copyCookie();
    resetRequest("203.0.113.9");
    expect(await signInThroughNextAuth(user.email, TEST_PASSWORD)).toBeNull();

    const result = await changePassword({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(result).toEqual({ ok: true, data: null });
    expect(await currentUser()).toEqual(user);
    const thisDevice = copyCookie();

    await withCookie(otherDevice);
    expect(await currentUser()).toBeNull();
    await withCookie(thisDevice);
    expect(await currentUser()).toEqual(user);

    expect(await authenticate({ email: user.email, password: TEST_PASSWORD }, "192.0.2.1")).toBeNull();
    expect(await authenticate({ email: user.email, password: NEW_PASSWORD }, "192.0.2.1")).toMatchObject({ id: user.id });
  });

  it("needs the current password, and then changes nothing", async () => {
    const user = await createUser();
    await actAs(user);
    const before = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    const result = await changePassword({ currentPassword: "not my password", newPassword: NEW_PASSWORD });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "validation_failed",
        fieldErrors: { currentPassword: expect.stringMatching(/isn't your current password/) },
      },
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toEqual(before);
    expect(await currentUser()).toEqual(user);
  });

  it("applies the sign-up password policy to the new password", async () => {
    const user = await createUser();
    await actAs(user);
    expect(await changePassword({ currentPassword: TEST_PASSWORD, newPassword: "short" })).toMatchObject({
      ok: false,
      error: { code: "validation_failed", fieldErrors: { newPassword: "Use at least 10 characters." } },
    });
  });

  it("throttles guesses at the current password from a stolen session", async () => {
    const user = await createUser();
    await actAs(user);
    for (let attempt = 0; attempt < 5; attempt++) {
      expect(await changePassword({ currentPassword: `guess ${attempt}`, newPassword: NEW_PASSWORD })).toMatchObject({
        ok: false,
        error: { code: "validation_failed" },
      });
    }
    expect(await changePassword({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: "too_many_requests" },
    });
  });

  it("refuses a signed-out caller", async () => {
    await actAs(null);
    expect(await changePassword({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: "unauthorized" },
    });
  });
});
