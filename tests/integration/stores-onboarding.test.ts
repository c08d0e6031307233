// Onboarding against the TribeMade simulator over HTTP: key checks, store creation, the webhook
// URL that works, and what a rejected or unreachable TribeMade does.
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createControlClient } from "@/lib/tribemade/simulator/control-client";
import { startSimulator } from "@/lib/tribemade/simulator/server";

vi.mock("next/headers", async () => (await import("@/tests/fixtures/auth-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/tests/fixtures/auth-request")).nextCache);
vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

// lib/env reads TRIBEMADE_API_BASE_URL when first imported: start the simulator before that.
const sim = await startSimulator({ seed: 3 });
process.env.TRIBEMADE_API_BASE_URL = sim.url;
const control = createControlClient(sim.url);
afterAll(() => sim.stop());

const { actAs, requestScope } = await import("@/tests/fixtures/auth-request");
const { createUser, fakeApiKey } = await import("@/tests/fixtures/auth-merchants");
const { orderCreated } = await import("@/tests/fixtures/webhook-payloads");
const { postWebhook } = await import("@/tests/fixtures/webhook-client");
const { createStore, testApiKey } = await import("@/lib/stores/actions");
const { checkTribemadeKey } = await import("@/lib/tribemade/key-check");
const { decryptSecret } = await import("@/lib/crypto/secret-box");
const { storeApiKeyAad } = await import("@/lib/crypto/aad");
const { sha256Hex } = await import("@/lib/crypto/tokens");
const { db } = await import("@/lib/db");

let validKey: string;
beforeEach(async () => {
  validKey = (await control.createStore({ name: "Simulated shop" })).store.apiKey;
  await actAs(await createUser());
});
afterEach(() => control.clearFaults());

describe("checkTribemadeKey", () => {
  it("says valid for a key TribeMade knows (404 on the probe order)", async () => {
    expect(await checkTribemadeKey(validKey)).toEqual({ status: "valid", message: "TribeMade accepted this key." });
  });

  it("says rejected for a well-formed key TribeMade does not know (401)", async () => {
    expect(await checkTribemadeKey(fakeApiKey())).toMatchObject({
      status: "rejected",
      message: expect.stringMatching(/^TribeMade rejected this key/),
    });
  });

  it("says unreachable, in plain words, for 5xx, 429, timeouts and closed ports", async () => {
    await control.setFaults({ error5xx: { rate: 1, status: 503 } });
    expect(await checkTribemadeKey(validKey)).toEqual({
      status: "unreachable",
      message: "We couldn't check the key: TribeMade answered with an unexpected error (HTTP 503). Try again in a minute.",
    });
    await control.clearFaults();
    await control.setFaults({ forced429: { calls: 1, retryAfter: 42 } });
    expect((await checkTribemadeKey(validKey)).message).toMatch(/limiting requests .* Try again in 42 seconds\./);
    await control.clearFaults();
    await control.setFaults({ latencyMs: 2_000 });
    expect(await checkTribemadeKey(validKey, { timeoutMs: 300 })).toMatchObject({
      status: "unreachable",
      message: "We couldn't reach TribeMade: it didn't answer within 1 second. Try again in a minute.",
    });
    expect(await checkTribemadeKey(validKey, { baseUrl: "http://127.0.0.1:9" })).toMatchObject({
      status: "unreachable",
      message: expect.stringMatching(/connection failed/),
    });
  });
});

describe("testApiKey action", () => {
  it("checks a typed key for a signed-in user", async () => {
    expect(await testApiKey({ apiKey: ` ${validKey} ` })).toEqual({
      ok: true,
      data: { status: "valid", message: "TribeMade accepted this key." },
    });
    expect(await testApiKey({ apiKey: fakeApiKey() })).toMatchObject({ ok: true, data: { status: "rejected" } });
  });

  it("rejects a malformed key before calling TribeMade", async () => {
    const since = Date.now();
    expect(await testApiKey({ apiKey: "sk_live_abc" })).toMatchObject({
      ok: false,
      error: { code: "validation_failed", fieldErrors: { apiKey: expect.stringMatching(/looks like tb-a1b2-c3d-e4f5/) } },
    });
    expect((await control.requests({ since })).requests).toEqual([]);
  });

  it("refuses a signed-out caller", async () => {
    await actAs(null);
    expect(await testApiKey({ apiKey: validKey })).toMatchObject({ ok: false, error: { code: "unauthorized" } });
  });
});

describe("createStore action", () => {
  it("creates store, owner membership and webhook endpoint, and returns a working webhook URL", async () => {
    const result = await createStore({ name: "Masala Threads", apiKey: validKey, tribemadeStoreId: "" });
    if (!result.ok) throw new Error(result.error.message);
    const { storeId, webhookUrl, keyCheck } = result.data;
    expect(keyCheck.status).toBe("valid");
    expect(webhookUrl).toMatch(/^http:\/\/127\.0\.0\.1:3000\/api\/webhooks\/tribemade\/[A-Za-z0-9_-]{43}$/);
    expect(requestScope.cookies.get("tribedesk-store")).toBe(storeId);

    const store = await db.store.findUniqueOrThrow({
      where: { id: storeId },
      select: {
        name: true,
        apiKeyCiphertext: true,
        apiKeyLast4: true,
        tribemadeStoreId: true,
        memberships: true,
        endpoints: true,
      },
    });
    expect(store).toMatchObject({ name: "Masala Threads", apiKeyLast4: validKey.slice(-4), tribemadeStoreId: null });
    expect(store.apiKeyCiphertext).not.toContain(validKey);
    expect(decryptSecret(store.apiKeyCiphertext ?? "", storeApiKeyAad(storeId), { acceptLegacy: false })).toBe(validKey);
    expect(store.memberships).toHaveLength(1);
    expect(store.memberships[0]?.role).toBe("owner");
    const token = webhookUrl.split("/").pop() ?? "";
    expect(store.endpoints).toEqual([
      expect.objectContaining({ label: "TribeMade", tokenHash: sha256Hex(token), revokedAt: null }),
    ]);

    const delivered = await postWebhook(token, JSON.stringify(orderCreated()));
    expect(delivered.status).toBe(200);
    expect(await db.order.count({ where: { storeId } })).toBe(1);
  });

  it("never returns the key itself", async () => {
    const result = await createStore({ name: "Quiet", apiKey: validKey, tribemadeStoreId: "" });
    expect(JSON.stringify(result)).not.toContain(validKey);
  });

  it("stores a given TribeMade store id, lower-cased", async () => {
    const id = "770E8400-E29B-41D4-A716-446655440789";
    const result = await createStore({ name: "With id", apiKey: validKey, tribemadeStoreId: id });
    if (!result.ok) throw new Error(result.error.message);
    expect((await db.store.findUniqueOrThrow({ where: { id: result.data.storeId } })).tribemadeStoreId).toBe(id.toLowerCase());
  });

  it("refuses a key TribeMade rejects, with the reason on the key field, and creates nothing", async () => {
    const stores = await db.store.count();
    const result = await createStore({ name: "Nope", apiKey: fakeApiKey(), tribemadeStoreId: "" });
    expect(result).toMatchObject({
      ok: false,
      error: { code: "validation_failed", fieldErrors: { apiKey: expect.stringMatching(/^TribeMade rejected this key/) } },
    });
    expect(await db.store.count()).toBe(stores);
  });

  it("returns every field error at once and creates nothing", async () => {
    const stores = await db.store.count();
    const result = await createStore({ name: " ", apiKey: "tb-123", tribemadeStoreId: "not-a-uuid" });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "validation_failed",
        fieldErrors: { name: expect.any(String), apiKey: expect.any(String), tribemadeStoreId: expect.any(String) },
      },
    });
    expect(await db.store.count()).toBe(stores);
  });

  it("creates the store when TribeMade is down, and says the key is unchecked", async () => {
    await control.setFaults({ error5xx: { rate: 1, status: 502 } });
    const result = await createStore({ name: "Offline day", apiKey: validKey, tribemadeStoreId: "" });
    expect(result).toMatchObject({ ok: true, data: { keyCheck: { status: "unreachable" } } });
  });

  it("refuses a signed-out caller", async () => {
    await actAs(null);
    const stores = await db.store.count();
    expect(await createStore({ name: "Ghost", apiKey: validKey, tribemadeStoreId: "" })).toMatchObject({
      ok: false,
      error: { code: "unauthorized" },
    });
    expect(await db.store.count()).toBe(stores);
  });
});
