import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/tests/fixtures/auth-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/tests/fixtures/auth-request")).nextCache);

const { actAs, requestScope, SESSION_COOKIE } = await import("@/tests/fixtures/auth-request");
const { addMember, createMerchant, createUser } = await import("@/tests/fixtures/auth-merchants");
const { auth } = await import("@/lib/auth/session");
const { currentUser, requireMember, requireOwner, requireUser, listMyMemberships } = await import("@/lib/auth/require-member");
const { db } = await import("@/lib/db");

function appError(code: string) {
  return expect.objectContaining({ name: "AppError", code });
}

describe("auth()", () => {
  beforeEach(() => actAs(null));

  it("is null without a session cookie", async () => {
    expect(await auth()).toBeNull();
  });

  it("reads the user from next-auth's encrypted session cookie", async () => {
    const user = await createUser({ name: "Asha Rao" });
    await actAs(user);
    expect(await auth()).toEqual({ id: user.id, name: "Asha Rao", email: user.email, sessionVersion: 0 });
  });

  it("is null for a forged or corrupted cookie", async () => {
    requestScope.cookies.set(SESSION_COOKIE, "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0.forged.cookie.value.x");
    expect(await auth()).toBeNull();
  });
});

describe("requireUser / requireMember / requireOwner", () => {
  it("refuses a signed-out caller with unauthorized", async () => {
    await actAs(null);
    await expect(requireUser()).rejects.toEqual(appError("unauthorized"));
    await expect(requireMember()).rejects.toEqual(appError("unauthorized"));
  });

  it("refuses a valid cookie whose user was deleted", async () => {
    const user = await createUser();
    await actAs(user);
    expect(await currentUser()).toEqual(user);
    await db.user.delete({ where: { id: user.id } });
    await expect(requireUser()).rejects.toEqual(appError("unauthorized"));
    // The sign-in page treats it as signed out, so /login and the dashboard never bounce.
    expect(await currentUser()).toBeNull();
  });

  it("gives the user's store and role", async () => {
    const merchant = await createMerchant("Alpha");
    await actAs(merchant.user);
    const member = await requireMember();
    expect(member).toEqual({ user: merchant.user, store: { id: merchant.store.id, name: merchant.store.name }, role: "owner" });
    expect(await requireMember(merchant.store.id)).toEqual(member);
  });

  it("refuses another store's id, and ignores a store cookie pointing at it", async () => {
    const alpha = await createMerchant("Alpha");
    const beta = await createMerchant("Beta");
    await actAs(alpha.user, { storeCookie: beta.store.id });
    await expect(requireMember(beta.store.id)).rejects.toEqual(appError("forbidden"));
    expect((await requireMember()).store.id).toBe(alpha.store.id);
  });

  it("follows the store switcher's cookie among the user's own stores", async () => {
    const alpha = await createMerchant("Alpha");
    const beta = await createMerchant("Beta");
    await db.membership.create({ data: { userId: alpha.user.id, storeId: beta.store.id, role: "staff" } });
    await actAs(alpha.user, { storeCookie: beta.store.id });
    expect(await requireMember()).toMatchObject({ store: { id: beta.store.id }, role: "staff" });
    expect((await listMyMemberships()).map((membership) => membership.store.id)).toEqual([alpha.store.id, beta.store.id]);
    await expect(requireOwner()).rejects.toEqual(appError("forbidden"));
    await actAs(alpha.user);
    expect((await requireOwner()).store.id).toBe(alpha.store.id);
  });

  it("says no_store for a user without stores", async () => {
    const user = await createUser();
    await actAs(user);
    await expect(requireMember()).rejects.toEqual(
      expect.objectContaining({ code: "forbidden", details: { reason: "no_store" } }),
    );
  });

  it("refuses staff where owners are required", async () => {
    const alpha = await createMerchant("Alpha");
    const staff = await addMember(alpha.store.id, "staff");
    await actAs(staff.user);
    expect((await requireMember()).role).toBe("staff");
    await expect(requireOwner()).rejects.toEqual(appError("forbidden"));
  });
});
