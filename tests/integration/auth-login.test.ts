// Sign-in through next-auth's own route handler, the way the login form calls it: CSRF token,
// credentials, session cookie; wrong passwords, unknown emails and throttling.
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/tests/fixtures/auth-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/tests/fixtures/auth-request")).nextCache);

const { applySetCookies, requestScope, resetRequest, scopedRequest, SESSION_COOKIE } =
  await import("@/tests/fixtures/auth-request");
const { createUser, TEST_PASSWORD } = await import("@/tests/fixtures/auth-merchants");
const route = await import("@/app/api/auth/[...nextauth]/route");
const { auth } = await import("@/lib/auth/session");
const { db } = await import("@/lib/db");

type Handler = (request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

async function callAuth(method: "GET" | "POST", path: string, form?: Record<string, string>) {
  const request = scopedRequest(`/api/auth/${path}`, {
    method,
    body: form ? new URLSearchParams(form).toString() : undefined,
    headers: form ? { "content-type": "application/x-www-form-urlencoded" } : {},
  });
  const handler = (method === "GET" ? route.GET : route.POST) as Handler;
  const response = await handler(new NextRequest(request), {
    params: Promise.resolve({ nextauth: path.split("?")[0]!.split("/") }),
  });
  applySetCookies(response);
  return response;
}

/** What next-auth/react's signIn("credentials", { redirect: false }) does. */
async function signIn(email: string, password: string, options: { csrf?: boolean } = {}) {
  const csrf = (await (await callAuth("GET", "csrf")).json()) as { csrfToken: string };
  const response = await callAuth("POST", "callback/credentials", {
    email,
    password,
    ...(options.csrf === false ? {} : { csrfToken: csrf.csrfToken }),
    callbackUrl: "/orders",
    json: "true",
  });
  const body = (await response.json()) as { url: string };
  const url = new URL(body.url, "http://127.0.0.1:3000");
  return { status: response.status, error: url.searchParams.get("error"), csrfRefused: url.searchParams.get("csrf") === "true" };
}

beforeEach(() => resetRequest());

describe("sign-in", () => {
  it("signs in with the right password and sets a session cookie that auth() reads", async () => {
    const user = await createUser({ name: "Meera Pillai" });
    const result = await signIn(user.email, TEST_PASSWORD);
    expect(result).toEqual({ status: 200, error: null, csrfRefused: false });
    expect(requestScope.cookies.has(SESSION_COOKIE)).toBe(true);
    expect(await auth()).toEqual({ id: user.id, name: "Meera Pillai", email: user.email, sessionVersion: 0 });
  });

  it("treats the email case-insensitively", async () => {
    const user = await createUser();
    expect((await signIn(user.email.toUpperCase(), TEST_PASSWORD)).error).toBeNull();
  });

  it("answers a wrong password and an unknown email the same way, with no cookie", async () => {
    const user = await createUser();
    const wrong = await signIn(user.email, "not the password");
    resetRequest();
    const unknown = await signIn("nobody-here@example.in", "not the password");
    expect(wrong).toEqual({ status: 401, error: "CredentialsSignin", csrfRefused: false });
    expect(unknown).toEqual(wrong);
    expect(requestScope.cookies.has(SESSION_COOKIE)).toBe(false);
  });

  it("refuses a sign-in without next-auth's CSRF token", async () => {
    const user = await createUser();
    const result = await signIn(user.email, TEST_PASSWORD, { csrf: false });
    expect(result.csrfRefused).toBe(true);
    expect(requestScope.cookies.has(SESSION_COOKIE)).toBe(false);
    expect(await auth()).toBeNull();
  });

  it("throttles an account from one address after 5 failures, even with the right password, and says for how long", async () => {
    const user = await createUser();
    for (let attempt = 0; attempt < 5; attempt++) {
      resetRequest("203.0.113.1");
      expect((await signIn(user.email, "wrong password")).error).toBe("CredentialsSignin");
    }
    resetRequest("203.0.113.1");
    const blocked = await signIn(user.email, TEST_PASSWORD);
    expect(blocked.status).toBe(401);
    expect(blocked.error).toMatch(/^Too many attempts, try again in (\d+) s\.$/);
    const seconds = Number(/in (\d+) s/.exec(blocked.error ?? "")?.[1]);
    expect(seconds).toBeGreaterThan(800);
    expect(seconds).toBeLessThanOrEqual(900);
    expect(requestScope.cookies.has(SESSION_COOKIE)).toBe(false);
  });

  it("a stranger's failures do not lock the owner out of their own network", async () => {
    const owner = await createUser();
    // The stranger fails 20 times (their address's whole allowance), claiming the owner's address
    // in their own X-Forwarded-For; the trusted proxy appends the address it really saw.
    for (let attempt = 0; attempt < 20; attempt++) {
      resetRequest("198.51.100.23, 203.0.113.200");
      await signIn(owner.email, "guess");
    }
    resetRequest("203.0.113.200");
    expect((await signIn(owner.email, TEST_PASSWORD)).error).toMatch(/^Too many attempts/);
    resetRequest("198.51.100.23");
    expect((await signIn(owner.email, TEST_PASSWORD)).error).toBeNull();
  });

  it("stops a spread-out attack at an account-wide ceiling, far above the per-address limit", async () => {
    const user = await createUser();
    for (let attempt = 0; attempt < 50; attempt++) {
      resetRequest(`203.0.113.${Math.floor(attempt / 4) + 1}`);
      expect((await signIn(user.email, "wrong password")).error).toBe("CredentialsSignin");
    }
    resetRequest("198.51.100.99");
    expect((await signIn(user.email, TEST_PASSWORD)).error).toMatch(/^Too many attempts/);
  }, 60_000);

  it("throttles unknown emails exactly like real ones (no account enumeration)", async () => {
    for (let attempt = 0; attempt < 5; attempt++) {
      resetRequest("203.0.113.5");
      await signIn("ghost@example.in", "guess");
    }
    resetRequest("203.0.113.5");
    expect((await signIn("ghost@example.in", "guess")).error).toMatch(/^Too many attempts/);
  });

  it("opens again once the window has passed", async () => {
    const user = await createUser();
    for (let attempt = 0; attempt < 5; attempt++) await signIn(user.email, "wrong password");
    await db.loginAttempt.updateMany({ data: { createdAt: new Date(Date.now() - 16 * 60 * 1000) } });
    resetRequest();
    expect((await signIn(user.email, TEST_PASSWORD)).error).toBeNull();
  });

  it("a success clears the account's failures", async () => {
    const user = await createUser();
    for (let attempt = 0; attempt < 4; attempt++) await signIn(user.email, "wrong password");
    resetRequest();
    expect((await signIn(user.email, TEST_PASSWORD)).error).toBeNull();
    resetRequest();
    for (let attempt = 0; attempt < 4; attempt++)
      expect((await signIn(user.email, "wrong password")).error).toBe("CredentialsSignin");
  });

  it("throttles one IP after 20 failures across accounts", async () => {
    const users = await Promise.all(Array.from({ length: 5 }, () => createUser()));
    for (let attempt = 0; attempt < 20; attempt++) {
      resetRequest("192.0.2.50");
      await signIn(users[attempt % 5]!.email, "wrong password");
    }
    const fresh = await createUser();
    resetRequest("192.0.2.50");
    expect((await signIn(fresh.email, TEST_PASSWORD)).error).toMatch(/^Too many attempts/);
    resetRequest("192.0.2.51");
    expect((await signIn(fresh.email, TEST_PASSWORD)).error).toBeNull();
  });

  it("lets at most 5 per address of many parallel guesses through to the password check", async () => {
    const user = await createUser();
    const results = await Promise.all(
      Array.from({ length: 24 }, async (_, index) => {
        const { authenticate } = await import("@/lib/auth/authenticate");
        return authenticate({ email: user.email, password: "wrong password" }, `198.18.0.${index % 2}`).then(
          () => "checked",
          (error: { code?: string }) => error.code,
        );
      }),
    );
    expect(results.filter((result) => result === "checked").length).toBeLessThanOrEqual(10);
    expect(results.filter((result) => result === "too_many_requests").length).toBeGreaterThanOrEqual(14);
  });

  it("serves the session of the cookie it set", async () => {
    const user = await createUser();
    await signIn(user.email, TEST_PASSWORD);
    const session = (await (await callAuth("GET", "session")).json()) as { user?: { id: string } };
    expect(session.user?.id).toBe(user.id);
  });
});
