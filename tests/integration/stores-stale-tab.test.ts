// Stale tab, wrong store: a settings form opened for store Alpha, saved after the user switched to
// Beta in another tab, must not write into Beta. Every settings form carries the id of the store it
// was rendered for; the action refuses a mismatch with a message saying what happened.
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/tests/fixtures/auth-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/tests/fixtures/auth-request")).nextCache);

// Nothing here should reach TribeMade; a closed port fails fast.
process.env.TRIBEMADE_API_BASE_URL = "http://127.0.0.1:9";

const { actAs } = await import("@/tests/fixtures/auth-request");
const { addMember, createMerchant, fakeApiKey } = await import("@/tests/fixtures/auth-merchants");
const actions = await import("@/lib/stores/actions");
const { createWebhookEndpoint } = await import("@/lib/webhooks/actions");
const { db } = await import("@/lib/db");

type Merchant = Awaited<ReturnType<typeof createMerchant>>;
let alpha: Merchant;
let beta: Merchant;
let betaStaff: Awaited<ReturnType<typeof addMember>>;
let alphaStaff: Awaited<ReturnType<typeof addMember>>;
let alphaInviteId: string;

async function snapshot() {
  const rows = await Promise.all([
    db.store.findMany({ where: { id: { in: [alpha.store.id, beta.store.id] } }, orderBy: { id: "asc" } }),
    db.membership.findMany({ where: { storeId: { in: [alpha.store.id, beta.store.id] } }, orderBy: { id: "asc" } }),
    db.invite.findMany({ where: { storeId: { in: [alpha.store.id, beta.store.id] } }, orderBy: { id: "asc" } }),
    db.webhookEndpoint.findMany({ where: { storeId: { in: [alpha.store.id, beta.store.id] } }, orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify(rows);
}

beforeEach(async () => {
  alpha = await createMerchant("Alpha");
  beta = await createMerchant("Beta");
  // The same person owns both; alphaStaff and betaStaff work one store each.
  await db.membership.deleteMany({ where: { storeId: beta.store.id } });
  await db.membership.create({ data: { userId: alpha.user.id, storeId: beta.store.id, role: "owner" } });
  alphaStaff = await addMember(alpha.store.id, "staff");
  betaStaff = await addMember(beta.store.id, "staff");
  const invite = await db.invite.create({
    data: {
      storeId: alpha.store.id,
      tokenHash: `h-${Date.now()}-${Math.random()}`,
      role: "staff",
      createdById: alpha.user.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
    select: { id: true },
  });
  alphaInviteId = invite.id;
  // The tab was opened on Alpha; since then another tab switched the cookie to Beta.
  await actAs(alpha.user, { storeCookie: beta.store.id });
});

const STALE = {
  ok: false,
  error: {
    code: "conflict",
    message: expect.stringMatching(/^You switched to Beta Store \S+ in another tab\. Reload this page: nothing was saved\.$/),
  },
};

describe("a settings form saved after a store switch in another tab", () => {
  const forAlpha = () => ({ storeId: alpha.store.id });
  it.each([
    [
      "updateStoreDetails",
      () =>
        actions.updateStoreDetails({
          ...forAlpha(),
          name: "Renamed",
          tribemadeStoreId: "",
          fulfillmentUrl: "",
          retentionDays: "7",
        }),
    ],
    ["replaceStoreApiKey", () => actions.replaceStoreApiKey({ ...forAlpha(), apiKey: fakeApiKey() })],
    ["testStoreApiKey", () => actions.testStoreApiKey(forAlpha())],
    ["createInvite", () => actions.createInvite({ ...forAlpha(), role: "owner" })],
    ["revokeInvite", () => actions.revokeInvite({ ...forAlpha(), inviteId: alphaInviteId })],
    ["changeMemberRole", () => actions.changeMemberRole({ ...forAlpha(), membershipId: alphaStaff.membershipId, role: "owner" })],
    ["removeMember", () => actions.removeMember({ ...forAlpha(), membershipId: alphaStaff.membershipId })],
    // Not a settings form, but the same risk: the Endpoints page of a stale tab creating in the other store.
    ["createWebhookEndpoint", () => createWebhookEndpoint({ ...forAlpha(), label: "From a stale tab" })],
  ])("%s is refused, naming the store the user switched to, and changes nothing", async (_name, call) => {
    const before = await snapshot();
    expect(await call()).toMatchObject(STALE);
    expect(await snapshot()).toBe(before);
  });

  it("a form for the current store still saves", async () => {
    expect(
      await actions.updateStoreDetails({
        storeId: beta.store.id,
        name: "Beta renamed",
        tribemadeStoreId: "",
        fulfillmentUrl: "",
        retentionDays: "7",
      }),
    ).toEqual({ ok: true, data: null });
    expect((await db.store.findUniqueOrThrow({ where: { id: beta.store.id } })).name).toBe("Beta renamed");
    expect(await actions.removeMember({ storeId: beta.store.id, membershipId: betaStaff.membershipId })).toEqual({
      ok: true,
      data: { rotateCredentials: false },
    });
  });

  it("a form without a store id is refused as malformed", async () => {
    expect(
      await actions.updateStoreDetails({ name: "X", tribemadeStoreId: "", fulfillmentUrl: "", retentionDays: "7" }),
    ).toMatchObject({
      ok: false,
      error: { code: "validation_failed" },
    });
  });
});
