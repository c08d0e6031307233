// Store settings and the API key: owners change them, staff read a summary, bad input changes nothing.
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createControlClient } from "@/lib/tribemade/simulator/control-client";
import { startSimulator } from "@/lib/tribemade/simulator/server";

vi.mock("next/headers", async () => (await import("@/tests/fixtures/auth-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/tests/fixtures/auth-request")).nextCache);

const sim = await startSimulator({ seed: 4 });
process.env.TRIBEMADE_API_BASE_URL = sim.url;
const control = createControlClient(sim.url);
afterAll(() => sim.stop());

const { actAs } = await import("@/tests/fixtures/auth-request");
const { addMember, createMerchant, fakeApiKey } = await import("@/tests/fixtures/auth-merchants");
const actions = await import("@/lib/stores/actions");
const { getStoreSettings } = await import("@/lib/stores/queries");
const { requireMember } = await import("@/lib/auth/require-member");
const { decryptSecret } = await import("@/lib/crypto/secret-box");
const { storeApiKeyAad } = await import("@/lib/crypto/aad");
const { db } = await import("@/lib/db");

type Merchant = Awaited<ReturnType<typeof createMerchant>>;
let owner: Merchant;
let staff: Awaited<ReturnType<typeof addMember>>;

const storeRow = (id: string) =>
  db.store.findUniqueOrThrow({
    where: { id },
    select: {
      name: true,
      tribemadeStoreId: true,
      fulfillmentUrl: true,
      retentionDays: true,
      apiKeyCiphertext: true,
      apiKeyLast4: true,
    },
  });

beforeEach(async () => {
  const simulated = (await control.createStore({ name: "Owner's shop" })).store;
  owner = await createMerchant("Owner", { apiKey: simulated.apiKey });
  staff = await addMember(owner.store.id, "staff", { name: "Staff Member" });
  await actAs(owner.user);
});

describe("getStoreSettings", () => {
  it("shows the key masked to owners and staff alike", async () => {
    const masked = `tb-…${owner.apiKey.slice(-4)}`;
    expect(await getStoreSettings(await requireMember())).toMatchObject({
      id: owner.store.id,
      role: "owner",
      apiKeyMasked: masked,
      retentionDays: 30,
    });
    await actAs(staff.user);
    const seen = await getStoreSettings(await requireMember());
    expect(seen).toMatchObject({ role: "staff", apiKeyMasked: masked });
    expect(JSON.stringify(seen)).not.toContain(owner.apiKey);
  });

  it("shows staff the fulfillment URL's origin and path, never its query string or credentials", async () => {
    const url = "https://ops:hunter2@wms.example.in/tribemade/orders?token=s3cret#frag";
    await db.store.update({ where: { id: owner.store.id }, data: { fulfillmentUrl: url } });
    expect((await getStoreSettings(await requireMember())).fulfillmentUrl).toBe(url);
    await actAs(staff.user);
    const seen = await getStoreSettings(await requireMember());
    expect(seen.fulfillmentUrl).toBe("https://wms.example.in/tribemade/orders");
    expect(JSON.stringify(seen)).not.toMatch(/s3cret|hunter2/);
  });
});

describe("updateStoreDetails", () => {
  const form = { name: "Renamed", tribemadeStoreId: "", fulfillmentUrl: "https://fulfil.example.in/hook", retentionDays: "90" };
  // The form carries the id of the store it was rendered for (see stores-stale-tab.test.ts).
  let valid: typeof form & { storeId: string };
  beforeEach(() => {
    valid = { ...form, storeId: owner.store.id };
  });

  it("saves an owner's changes", async () => {
    expect(await actions.updateStoreDetails(valid)).toEqual({ ok: true, data: null });
    expect(await storeRow(owner.store.id)).toMatchObject({
      name: "Renamed",
      tribemadeStoreId: null,
      fulfillmentUrl: "https://fulfil.example.in/hook",
      retentionDays: 90,
    });
  });

  it.each([
    ["an http fulfillment URL", { fulfillmentUrl: "http://fulfil.example.in" }, "fulfillmentUrl"],
    ["retention of 0 days", { retentionDays: "0" }, "retentionDays"],
    ["retention of 366 days", { retentionDays: "366" }, "retentionDays"],
    ["retention of 1.5 days", { retentionDays: "1.5" }, "retentionDays"],
    ["a store id that is not a UUID", { tribemadeStoreId: "store-42" }, "tribemadeStoreId"],
    ["an empty name", { name: "  " }, "name"],
  ])("refuses %s with a field error and changes nothing", async (_label, change, field) => {
    const before = await storeRow(owner.store.id);
    const result = await actions.updateStoreDetails({ ...valid, ...change });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "validation_failed", fieldErrors: { [field]: expect.any(String) } },
    });
    expect(await storeRow(owner.store.id)).toEqual(before);
  });

  it("refuses staff", async () => {
    await actAs(staff.user);
    const before = await storeRow(owner.store.id);
    expect(await actions.updateStoreDetails(valid)).toMatchObject({
      ok: false,
      error: { code: "forbidden", message: "Only the store's owners can do that." },
    });
    expect(await storeRow(owner.store.id)).toEqual(before);
  });
});

describe("API key", () => {
  it("tests the saved key without sending it anywhere but TribeMade", async () => {
    const result = await actions.testStoreApiKey({ storeId: owner.store.id });
    expect(result).toEqual({ ok: true, data: { status: "valid", message: "TribeMade accepted this key." } });
    expect(JSON.stringify(result)).not.toContain(owner.apiKey);
  });

  it("replaces the key after TribeMade accepts it, returning only the masked form", async () => {
    const next = (await control.createStore({ name: "Second" })).store.apiKey;
    const result = await actions.replaceStoreApiKey({ storeId: owner.store.id, apiKey: next });
    expect(result).toEqual({
      ok: true,
      data: { apiKeyMasked: `tb-…${next.slice(-4)}`, keyCheck: expect.objectContaining({ status: "valid" }) },
    });
    expect(JSON.stringify(result)).not.toContain(next);
    const row = await storeRow(owner.store.id);
    expect(decryptSecret(row.apiKeyCiphertext ?? "", storeApiKeyAad(owner.store.id), { acceptLegacy: false })).toBe(next);
    expect(row.apiKeyLast4).toBe(next.slice(-4));
  });

  it("keeps the old key when TribeMade rejects the new one", async () => {
    const before = await storeRow(owner.store.id);
    const result = await actions.replaceStoreApiKey({ storeId: owner.store.id, apiKey: fakeApiKey() });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "validation_failed", fieldErrors: { apiKey: expect.stringMatching(/rejected/) } },
    });
    expect(await storeRow(owner.store.id)).toEqual(before);
  });

  it("refuses a malformed key", async () => {
    const before = await storeRow(owner.store.id);
    expect(await actions.replaceStoreApiKey({ storeId: owner.store.id, apiKey: "tb-a1b2-c3d-e4f" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { apiKey: expect.any(String) } },
    });
    expect(await storeRow(owner.store.id)).toEqual(before);
  });

  it("is owners-only", async () => {
    await actAs(staff.user);
    const before = await storeRow(owner.store.id);
    expect(await actions.testStoreApiKey({ storeId: owner.store.id })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await actions.replaceStoreApiKey({ storeId: owner.store.id, apiKey: owner.apiKey })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });
    expect(await storeRow(owner.store.id)).toEqual(before);
  });
});
