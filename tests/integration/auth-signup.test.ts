// The sign-up and sign-out server actions.
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/tests/fixtures/auth-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/tests/fixtures/auth-request")).nextCache);

const { actAs, requestScope, resetRequest, SESSION_COOKIE } = await import("@/tests/fixtures/auth-request");
const { createMerchant } = await import("@/tests/fixtures/auth-merchants");
const { signUp, signOut } = await import("@/lib/auth/actions");
const { authenticate } = await import("@/lib/auth/authenticate");
const { db } = await import("@/lib/db");

beforeEach(() => resetRequest());

describe("signUp", () => {
  it("creates the account with a lower-cased email and an argon2id hash", async () => {
    const result = await signUp({ name: "  Kavya Menon ", email: "Kavya.Menon@Example.IN", password: "a long enough password" });
    expect(result).toEqual({ ok: true, data: { email: "kavya.menon@example.in" } });
    const user = await db.user.findUniqueOrThrow({
      where: { email: "kavya.menon@example.in" },
      select: { name: true, passwordHash: true },
    });
    expect(user.name).toBe("Kavya Menon");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(user.passwordHash).not.toContain("a long enough password");
    expect(
      await authenticate({ email: "KAVYA.menon@example.in", password: "a long enough password" }, "192.0.2.1"),
    ).toMatchObject({ name: "Kavya Menon" });
  });

  it("returns field errors for bad input and creates nothing", async () => {
    const users = await db.user.count();
    const result = await signUp({ name: "", email: "not-an-email", password: "short" });
    expect(result).toEqual({
      ok: false,
      error: {
        code: "validation_failed",
        message: "Check the highlighted fields.",
        fieldErrors: { name: "Enter your name.", email: "Enter a valid email address.", password: "Use at least 10 characters." },
      },
    });
    expect(await db.user.count()).toBe(users);
  });

  it("says a taken email is taken (any case) and changes nothing", async () => {
    await signUp({ name: "First", email: "shop@example.in", password: "a long enough password" });
    const before = await db.user.findUniqueOrThrow({
      where: { email: "shop@example.in" },
      select: { passwordHash: true, name: true },
    });
    const users = await db.user.count();
    const result = await signUp({ name: "Second", email: "SHOP@example.in", password: "another long password" });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "conflict", fieldErrors: { email: expect.stringMatching(/already exists/) } },
    });
    expect(await db.user.count()).toBe(users);
    expect(
      await db.user.findUniqueOrThrow({ where: { email: "shop@example.in" }, select: { passwordHash: true, name: true } }),
    ).toEqual(before);
  });

  it("brakes an IP that keeps hitting taken emails", async () => {
    await signUp({ name: "Owner", email: "taken@example.in", password: "a long enough password" });
    for (let attempt = 0; attempt < 20; attempt++) {
      resetRequest("203.0.113.200");
      expect(await signUp({ name: "Probe", email: "taken@example.in", password: "a long enough password" })).toMatchObject({
        ok: false,
        error: { code: "conflict" },
      });
    }
    resetRequest("203.0.113.200");
    expect(await signUp({ name: "Probe", email: "other@example.in", password: "a long enough password" })).toMatchObject({
      ok: false,
      error: { code: "too_many_requests", message: expect.stringMatching(/^Too many attempts, try again in \d+ s\.$/) },
    });
    resetRequest("203.0.113.201");
    expect(await signUp({ name: "Someone", email: "other@example.in", password: "a long enough password" })).toMatchObject({
      ok: true,
    });
  });
});

describe("signOut", () => {
  it("drops the session and store cookies and goes to /login", async () => {
    const merchant = await createMerchant("Alpha");
    await actAs(merchant.user, { storeCookie: merchant.store.id });
    requestScope.cookies.set("__Secure-next-auth.session-token", "x");
    await expect(signOut()).rejects.toMatchObject({ digest: expect.stringContaining("/login") });
    expect([...requestScope.cookies.keys()]).toEqual([]);
    expect(requestScope.cookies.has(SESSION_COOKIE)).toBe(false);
  });
});
