// Sign-in throttling on a server with no trusted proxy (TRUSTED_PROXY_HOPS=0): every forwarded
// header is the client's own word, so none of them decides which limit a guess counts against.
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";

process.env.TRUSTED_PROXY_HOPS = "0";

vi.mock("next/headers", async () => (await import("@/tests/fixtures/auth-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/tests/fixtures/auth-request")).nextCache);

const { applySetCookies, resetRequest, scopedRequest } = await import("@/tests/fixtures/auth-request");
const { createUser, TEST_PASSWORD } = await import("@/tests/fixtures/auth-merchants");
const route = await import("@/app/api/auth/[...nextauth]/route");
const { signUp } = await import("@/lib/auth/actions");
const { db } = await import("@/lib/db");

type Handler = (request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

async function callAuth(method: "GET" | "POST", path: string, form?: Record<string, string>) {
  const request = scopedRequest(`/api/auth/${path}`, {
    method,
    body: form ? new URLSearchParams(form).toString() : undefined,
    headers: form ? { "content-type": "application/x-www-form-urlencoded" } : {},
  });
  const handler = (method === "GET" ? route.GET : route.POST) as Handler;
  const response = await handler(new NextRequest(request), { params: Promise.resolve({ nextauth: path.split("/") }) });
  applySetCookies(response);
  return response;
}

async function signIn(email: string, password: string) {
  const csrf = (await (await callAuth("GET", "csrf")).json()) as { csrfToken: string };
  const response = await callAuth("POST", "callback/credentials", {
    email,
    password,
    csrfToken: csrf.csrfToken,
    callbackUrl: "/orders",
    json: "true",
  });
  return new URL(((await response.json()) as { url: string }).url, "http://127.0.0.1:3000").searchParams.get("error");
}

beforeEach(() => resetRequest());

describe("sign-in without a trusted proxy", () => {
  it("records no per-address counters, whatever X-Forwarded-For says", async () => {
    const user = await createUser();
    resetRequest("203.0.113.9");
    await signIn(user.email, "wrong password");
    const keys = (await db.loginAttempt.findMany({ select: { key: true } })).map(({ key }) => key);
    expect(keys.some((key) => key.includes("203.0.113.9"))).toBe(false);
  });

  it("does not lock the account after a handful of failures (there is no address to pin them to)", async () => {
    const user = await createUser();
    for (let attempt = 0; attempt < 8; attempt++) {
      resetRequest("198.51.100.23");
      expect(await signIn(user.email, "wrong password")).toBe("CredentialsSignin");
    }
    expect(await signIn(user.email, TEST_PASSWORD)).toBeNull();
  });

  it("still stops guessing at the account-wide ceiling, however many addresses the client claims", async () => {
    const user = await createUser();
    for (let attempt = 0; attempt < 50; attempt++) {
      resetRequest(`203.0.113.${attempt + 1}`);
      expect(await signIn(user.email, "wrong password")).toBe("CredentialsSignin");
    }
    resetRequest("198.51.100.77");
    expect(await signIn(user.email, TEST_PASSWORD)).toMatch(/^Too many attempts/);
  }, 60_000);
});

describe("sign-up without a trusted proxy", () => {
  it("brakes probing of one taken email without closing sign-up for anyone else", async () => {
    const owner = await createUser();
    const probe = { name: "Probe", email: owner.email, password: "a long enough password" };
    for (let attempt = 0; attempt < 20; attempt++) {
      resetRequest(`203.0.113.${attempt + 1}`);
      expect(await signUp(probe)).toMatchObject({ ok: false, error: { code: "conflict" } });
    }
    expect(await signUp(probe)).toMatchObject({ ok: false, error: { code: "too_many_requests" } });
    // Everyone else shares the (unknown) address, and still signs up.
    const newcomer = `newcomer-${crypto.randomUUID()}@example.in`;
    expect(await signUp({ name: "Newcomer", email: newcomer, password: "a long enough password" })).toEqual({
      ok: true,
      data: { email: newcomer },
    });
    const keys = (await db.loginAttempt.findMany({ select: { key: true } })).map(({ key }) => key);
    expect(keys.some((key) => key.includes("unknown") || key.includes("203.0.113."))).toBe(false);
  });
});
