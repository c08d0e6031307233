// An invite is an owner vouching for whoever holds the link. When that owner is removed, leaves or
// is demoted, the links they created stop working; other owners' links stay. The invite list says
// who created each one.
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/tests/fixtures/auth-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/tests/fixtures/auth-request")).nextCache);

const { actAs } = await import("@/tests/fixtures/auth-request");
const { addMember, createMerchant, createUser } = await import("@/tests/fixtures/auth-merchants");
const actions = await import("@/lib/stores/actions");
const { getInvitePreview, listPendingInvites } = await import("@/lib/stores/queries");
const { requireOwner } = await import("@/lib/auth/require-member");
const { db } = await import("@/lib/db");

type Merchant = Awaited<ReturnType<typeof createMerchant>>;
type Person = { id: string; name: string; email: string };
let store: Merchant;
let second: Awaited<ReturnType<typeof addMember>>;

beforeEach(async () => {
  store = await createMerchant("Alpha");
  second = await addMember(store.store.id, "owner", { name: "Second Owner" });
});

async function inviteAs(person: Person, role: "owner" | "staff" = "staff") {
  await actAs(person);
  const result = await actions.createInvite({ storeId: store.store.id, role });
  if (!result.ok) throw new Error(result.error.message);
  return { id: result.data.inviteId, token: result.data.inviteUrl.split("/invite/")[1] ?? "" };
}

async function status(invite: { token: string }) {
  return (await getInvitePreview(invite.token)).status;
}

describe("an owner's invites are revoked when they stop being an owner", () => {
  it.each([
    [
      "demoted to staff",
      () => actions.changeMemberRole({ storeId: store.store.id, membershipId: second.membershipId, role: "staff" }),
    ],
    ["removed", () => actions.removeMember({ storeId: store.store.id, membershipId: second.membershipId })],
  ])("%s by another owner", async (_what, change) => {
    const theirs = [await inviteAs(second.user), await inviteAs(second.user, "owner")];
    const mine = await inviteAs(store.user);
    await actAs(store.user);
    // Whoever stays is asked to rotate what a former owner could have copied (webhook URLs, secret).
    expect(await change()).toEqual({ ok: true, data: { rotateCredentials: true } });

    for (const invite of theirs) expect(await status(invite)).toBe("revoked");
    expect(await status(mine)).toBe("valid");
    // The link no longer lets anyone in.
    await actAs(await createUser());
    expect(await actions.acceptInvite({ token: theirs[0]!.token })).toMatchObject({ ok: false, error: { code: "conflict" } });
  });

  it("who leave the store themselves", async () => {
    const theirs = await inviteAs(second.user);
    await actAs(second.user);
    expect(await actions.removeMember({ storeId: store.store.id, membershipId: second.membershipId })).toEqual({
      ok: true,
      data: { rotateCredentials: false },
    });
    expect(await status(theirs)).toBe("revoked");
  });

  it("leaves used invites as they were, and revokes nothing when an owner stays an owner", async () => {
    const used = await inviteAs(second.user);
    const open = await inviteAs(second.user);
    await actAs(await createUser());
    expect(await actions.acceptInvite({ token: used.token })).toMatchObject({ ok: true });
    await actAs(store.user);
    expect(await actions.changeMemberRole({ storeId: store.store.id, membershipId: second.membershipId, role: "owner" })).toEqual(
      {
        ok: true,
        data: { rotateCredentials: false },
      },
    );
    expect(await status(open)).toBe("valid");
    await actions.changeMemberRole({ storeId: store.store.id, membershipId: second.membershipId, role: "staff" });
    expect(await status(used)).toBe("used");
    expect(await status(open)).toBe("revoked");
  });

  it("only in this store: the same person's invites for another store they own stay", async () => {
    const other = await createMerchant("Beta");
    await db.membership.create({ data: { userId: second.user.id, storeId: other.store.id, role: "owner" } });
    await actAs(second.user, { storeCookie: other.store.id });
    const elsewhere = await actions.createInvite({ storeId: other.store.id, role: "staff" });
    if (!elsewhere.ok) throw new Error(elsewhere.error.message);
    await actAs(store.user);
    await actions.removeMember({ storeId: store.store.id, membershipId: second.membershipId });
    expect(await status({ token: elsewhere.data.inviteUrl.split("/invite/")[1] ?? "" })).toBe("valid");
  });
});

describe("a former owner's access to webhooks and forwards", () => {
  it("asks for the webhook URLs and signing secret to be rotated only when an owner goes, not staff", async () => {
    await actAs(store.user);
    const staff = await addMember(store.store.id, "staff");
    expect(await actions.removeMember({ storeId: store.store.id, membershipId: staff.membershipId })).toEqual({
      ok: true,
      data: { rotateCredentials: false },
    });
    expect(await actions.removeMember({ storeId: store.store.id, membershipId: second.membershipId })).toEqual({
      ok: true,
      data: { rotateCredentials: true },
    });
  });
});

describe("the invite list", () => {
  it("shows who created each open invite", async () => {
    await inviteAs(store.user);
    await inviteAs(second.user, "owner");
    await actAs(store.user);
    const invites = await listPendingInvites(await requireOwner());
    expect(invites.map((invite) => [invite.role, invite.createdBy])).toEqual([
      ["owner", { name: "Second Owner", isYou: false }],
      ["staff", { name: store.user.name, isYou: true }],
    ]);
  });
});
