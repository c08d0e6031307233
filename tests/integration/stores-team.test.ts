// Invites, roles, removals and the store switcher.
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/tests/fixtures/auth-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/tests/fixtures/auth-request")).nextCache);

const { actAs, inRequest, requestScope } = await import("@/tests/fixtures/auth-request");
const { addMember, createMerchant, createUser } = await import("@/tests/fixtures/auth-merchants");
const actions = await import("@/lib/stores/actions");
const { getInvitePreview, listPendingInvites, listTeam } = await import("@/lib/stores/queries");
const { requireOwner } = await import("@/lib/auth/require-member");
const { sha256Hex } = await import("@/lib/crypto/tokens");
const { db } = await import("@/lib/db");

type Merchant = Awaited<ReturnType<typeof createMerchant>>;
let alpha: Merchant;

beforeEach(async () => {
  alpha = await createMerchant("Alpha");
  await actAs(alpha.user);
});

async function invite(role: "owner" | "staff" = "staff") {
  const result = await actions.createInvite({ storeId: alpha.store.id, role });
  if (!result.ok) throw new Error(result.error.message);
  const token = result.data.inviteUrl.split("/invite/")[1] ?? "";
  return { ...result.data, token };
}

const roleOf = async (userId: string, storeId: string) =>
  (await db.membership.findUnique({ where: { userId_storeId: { userId, storeId } }, select: { role: true } }))?.role ?? null;

describe("invites", () => {
  it("creates a one-time 7-day link whose secret is stored only as a hash", async () => {
    const created = await invite();
    expect(created.inviteUrl).toMatch(/^http:\/\/127\.0\.0\.1:3000\/invite\/[A-Za-z0-9_-]{43}$/);
    const row = await db.invite.findUniqueOrThrow({ where: { id: created.inviteId } });
    expect(row.tokenHash).toBe(sha256Hex(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    const days = (row.expiresAt.getTime() - row.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 2);
    expect(await listPendingInvites(await requireOwner())).toEqual([
      expect.objectContaining({ id: created.inviteId, role: "staff" }),
    ]);
    expect(await getInvitePreview(created.token)).toMatchObject({ status: "valid", storeName: alpha.store.name, role: "staff" });
  });

  it("joins a new user once, with the invite's role, and switches them to the store", async () => {
    const created = await invite("staff");
    const newcomer = await createUser({ name: "New Staff" });
    await actAs(newcomer);
    expect(await actions.acceptInvite({ token: created.token })).toEqual({
      ok: true,
      data: { storeId: alpha.store.id, storeName: alpha.store.name },
    });
    expect(await roleOf(newcomer.id, alpha.store.id)).toBe("staff");
    expect(requestScope.cookies.get("tribedesk-store")).toBe(alpha.store.id);
    expect(await getInvitePreview(created.token)).toMatchObject({ status: "used" });

    const other = await createUser();
    await actAs(other);
    expect(await actions.acceptInvite({ token: created.token })).toMatchObject({
      ok: false,
      error: { code: "conflict", message: expect.stringMatching(/already been used/) },
    });
    expect(await roleOf(other.id, alpha.store.id)).toBeNull();
  });

  it("lets exactly one of two simultaneous accepts through", async () => {
    const created = await invite();
    const users = await Promise.all([createUser(), createUser(), createUser()]);
    const results = await Promise.all(users.map((user) => inRequest(user, () => actions.acceptInvite({ token: created.token }))));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([
      expect.objectContaining({ error: expect.objectContaining({ code: "conflict" }) }),
      expect.objectContaining({ error: expect.objectContaining({ code: "conflict" }) }),
    ]);
    expect(await db.membership.count({ where: { storeId: alpha.store.id } })).toBe(2);
  });

  it.each([
    [
      "expired",
      async (id: string) => db.invite.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } }),
      /expired/,
    ],
    ["revoked", async (id: string) => db.invite.update({ where: { id }, data: { revokedAt: new Date() } }), /revoked/],
  ])("refuses the %s invite with a clear message and changes nothing", async (status, spoil, message) => {
    const created = await invite();
    await spoil(created.inviteId);
    expect(await getInvitePreview(created.token)).toEqual({ status, storeId: alpha.store.id, storeName: alpha.store.name });
    const user = await createUser();
    await actAs(user);
    expect(await actions.acceptInvite({ token: created.token })).toMatchObject({
      ok: false,
      error: { code: "conflict", message: expect.stringMatching(message) },
    });
    expect(await roleOf(user.id, alpha.store.id)).toBeNull();
  });

  it("refuses an unknown token", async () => {
    const user = await createUser();
    await actAs(user);
    expect(await getInvitePreview("x".repeat(43))).toEqual({ status: "unknown" });
    expect(await actions.acceptInvite({ token: "x".repeat(43) })).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("leaves the invite unused when an existing member opens it", async () => {
    const created = await invite();
    expect(await actions.acceptInvite({ token: created.token })).toMatchObject({
      ok: false,
      error: { code: "conflict", message: expect.stringMatching(/already a member/) },
    });
    expect(await getInvitePreview(created.token)).toMatchObject({ status: "valid" });
  });

  it("revokes an open invite; staff can neither create nor revoke", async () => {
    const created = await invite();
    expect(await actions.revokeInvite({ storeId: alpha.store.id, inviteId: created.inviteId })).toEqual({ ok: true, data: null });
    expect(await actions.revokeInvite({ storeId: alpha.store.id, inviteId: created.inviteId })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    const another = await invite();
    const staff = await addMember(alpha.store.id, "staff");
    await actAs(staff.user);
    expect(await actions.createInvite({ storeId: alpha.store.id, role: "staff" })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(await actions.revokeInvite({ storeId: alpha.store.id, inviteId: another.inviteId })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(await getInvitePreview(another.token)).toMatchObject({ status: "valid" });
  });

  it("invites an owner when asked", async () => {
    const created = await invite("owner");
    const user = await createUser();
    await actAs(user);
    await actions.acceptInvite({ token: created.token });
    expect(await roleOf(user.id, alpha.store.id)).toBe("owner");
  });
});

describe("roles and removal", () => {
  it("promotes and demotes members", async () => {
    const staff = await addMember(alpha.store.id, "staff");
    expect(await actions.changeMemberRole({ storeId: alpha.store.id, membershipId: staff.membershipId, role: "owner" })).toEqual({
      ok: true,
      data: { rotateCredentials: false },
    });
    expect(await roleOf(staff.user.id, alpha.store.id)).toBe("owner");
    expect(await actions.changeMemberRole({ storeId: alpha.store.id, membershipId: alpha.membershipId, role: "staff" })).toEqual({
      ok: true,
      data: { rotateCredentials: false },
    });
    expect(await roleOf(alpha.user.id, alpha.store.id)).toBe("staff");
  });

  it("never leaves a store without an owner", async () => {
    await addMember(alpha.store.id, "staff");
    const lastOwner = {
      ok: false,
      error: { code: "conflict", message: "A store needs at least one owner. Make someone else an owner first." },
    };
    expect(await actions.changeMemberRole({ storeId: alpha.store.id, membershipId: alpha.membershipId, role: "staff" })).toEqual(
      lastOwner,
    );
    expect(await actions.removeMember({ storeId: alpha.store.id, membershipId: alpha.membershipId })).toEqual(lastOwner);
    expect(await roleOf(alpha.user.id, alpha.store.id)).toBe("owner");
  });

  it("two owners demoting each other at once leave one owner", async () => {
    const second = await addMember(alpha.store.id, "owner");
    const results = await Promise.all([
      inRequest(alpha.user, () =>
        actions.changeMemberRole({ storeId: alpha.store.id, membershipId: second.membershipId, role: "staff" }),
      ),
      inRequest(second.user, () =>
        actions.changeMemberRole({ storeId: alpha.store.id, membershipId: alpha.membershipId, role: "staff" }),
      ),
    ]);
    expect(await db.membership.count({ where: { storeId: alpha.store.id, role: "owner" } })).toBe(1);
    expect(results.filter((result) => !result.ok)).toEqual([
      expect.objectContaining({ error: expect.objectContaining({ code: expect.stringMatching(/conflict|forbidden/) }) }),
    ]);
  });

  it("removes a member; staff cannot change the team", async () => {
    const staff = await addMember(alpha.store.id, "staff");
    const other = await addMember(alpha.store.id, "staff");
    await actAs(staff.user);
    expect(await actions.removeMember({ storeId: alpha.store.id, membershipId: other.membershipId })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(
      await actions.changeMemberRole({ storeId: alpha.store.id, membershipId: staff.membershipId, role: "owner" }),
    ).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    await actAs(alpha.user);
    expect(await actions.removeMember({ storeId: alpha.store.id, membershipId: other.membershipId })).toEqual({
      ok: true,
      data: { rotateCredentials: false },
    });
    expect(await roleOf(other.user.id, alpha.store.id)).toBeNull();
    expect((await listTeam(await requireOwner())).map((member) => member.membershipId).sort()).toEqual(
      [alpha.membershipId, staff.membershipId].sort(),
    );
  });
});

describe("switchStore", () => {
  it("switches among the user's stores and refuses others", async () => {
    const beta = await createMerchant("Beta");
    await db.membership.create({ data: { userId: alpha.user.id, storeId: beta.store.id, role: "staff" } });
    const gamma = await createMerchant("Gamma");
    expect(await actions.switchStore({ storeId: beta.store.id })).toEqual({ ok: true, data: { storeId: beta.store.id } });
    expect(requestScope.cookies.get("tribedesk-store")).toBe(beta.store.id);
    expect(await actions.switchStore({ storeId: gamma.store.id })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(requestScope.cookies.get("tribedesk-store")).toBe(beta.store.id);
    await expect(actions.selectStore(gamma.store.id)).resolves.toBeUndefined();
    expect(requestScope.cookies.get("tribedesk-store")).toBe(beta.store.id);
  });
});
