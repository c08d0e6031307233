import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/tests/fixtures/auth-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/tests/fixtures/auth-request")).nextCache);
vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

// The webhook endpoint actions, called the way Next.js calls them, as real signed-in users:
// owner-only, at most 5 active endpoints, never another store's.

const { actAs } = await import("@/tests/fixtures/auth-request");
const { addMember, createMerchant } = await import("@/tests/fixtures/auth-merchants");
const { orderCreated } = await import("@/tests/fixtures/webhook-payloads");
const { postWebhook } = await import("@/tests/fixtures/webhook-client");
const { sha256Hex } = await import("@/lib/crypto/tokens");
const { db } = await import("@/lib/db");
const actions = await import("@/lib/webhooks/actions");

type Merchant = Awaited<ReturnType<typeof createMerchant>>;

/** A valid order for this merchant (its TribeMade store id, so no store_mismatch). */
function orderFor(merchant: Merchant) {
  return orderCreated({ store_id: merchant.store.tribemadeStoreId ?? undefined });
}

describe("endpoint actions", () => {
  it("creates an endpoint for an owner and shows its working URL once", async () => {
    const alpha = await createMerchant("Alpha");
    await actAs(alpha.user);
    const result = await actions.createWebhookEndpoint({ storeId: alpha.store.id, label: "  Second store  " });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.endpoint.label).toBe("Second store");
    const token = result.data.url.split("/api/webhooks/tribemade/")[1]!;
    const stored = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: result.data.endpoint.id } });
    expect(stored).toMatchObject({ storeId: alpha.store.id, tokenHash: sha256Hex(token) });
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((await postWebhook(token, JSON.stringify(orderFor(alpha)))).status).toBe(200);
  });

  it("keeps at most 5 active endpoints, even when owners click at once", async () => {
    const alpha = await createMerchant("Alpha"); // starts with one active endpoint
    await db.webhookEndpoint.create({
      data: { storeId: alpha.store.id, tokenHash: sha256Hex("revoked"), label: "Old", revokedAt: new Date() },
    });
    await actAs(alpha.user);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        actions.createWebhookEndpoint({ storeId: alpha.store.id, label: `Endpoint ${index}` }),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(4);
    const refused = results.find((result) => !result.ok);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: "conflict", message: expect.stringContaining("5 active endpoints") },
    });
    expect(await db.webhookEndpoint.count({ where: { storeId: alpha.store.id, revokedAt: null } })).toBe(5);

    expect(await actions.revokeWebhookEndpoint({ endpointId: alpha.endpointId })).toMatchObject({ ok: true });
    expect(await actions.createWebhookEndpoint({ storeId: alpha.store.id, label: "Replacement" })).toMatchObject({ ok: true });
  });

  it("revokes: the URL answers 404 and stores nothing; revoking again is harmless", async () => {
    const alpha = await createMerchant("Alpha");
    await actAs(alpha.user);
    expect(await actions.revokeWebhookEndpoint({ endpointId: alpha.endpointId })).toMatchObject({ ok: true });
    expect((await postWebhook(alpha.webhookToken, JSON.stringify(orderFor(alpha)))).status).toBe(404);
    expect(await db.webhookDelivery.count({ where: { storeId: alpha.store.id } })).toBe(0);
    expect(await actions.revokeWebhookEndpoint({ endpointId: alpha.endpointId })).toMatchObject({ ok: true });
  });

  it("renames, with the label validated", async () => {
    const alpha = await createMerchant("Alpha");
    await actAs(alpha.user);
    expect(await actions.renameWebhookEndpoint({ endpointId: alpha.endpointId, label: "Main shop" })).toEqual({
      ok: true,
      data: null,
    });
    expect((await db.webhookEndpoint.findUniqueOrThrow({ where: { id: alpha.endpointId } })).label).toBe("Main shop");
    expect(await actions.renameWebhookEndpoint({ endpointId: alpha.endpointId, label: "   " })).toMatchObject({
      ok: false,
      error: { code: "validation_failed", fieldErrors: { label: "Give the endpoint a name" } },
    });
  });

  it("is for owners only: staff can't create, rename or revoke", async () => {
    const alpha = await createMerchant("Alpha");
    const staff = await addMember(alpha.store.id, "staff");
    await actAs(staff.user);
    const forbidden = { ok: false, error: { code: "forbidden" } };
    expect(await actions.createWebhookEndpoint({ storeId: alpha.store.id, label: "Staff's" })).toMatchObject(forbidden);
    expect(await actions.renameWebhookEndpoint({ endpointId: alpha.endpointId, label: "Staff's" })).toMatchObject(forbidden);
    expect(await actions.revokeWebhookEndpoint({ endpointId: alpha.endpointId })).toMatchObject(forbidden);
    const endpoint = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: alpha.endpointId } });
    expect(endpoint).toMatchObject({ label: "TribeMade", revokedAt: null });
    expect(await db.webhookEndpoint.count({ where: { storeId: alpha.store.id } })).toBe(1);
  });

  it("never touches another store's endpoint", async () => {
    const alpha = await createMerchant("Alpha");
    const beta = await createMerchant("Beta");
    await actAs(alpha.user, { storeCookie: beta.store.id });
    expect(await actions.revokeWebhookEndpoint({ endpointId: beta.endpointId })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(await actions.renameWebhookEndpoint({ endpointId: beta.endpointId, label: "Mine" })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(await db.webhookEndpoint.findUniqueOrThrow({ where: { id: beta.endpointId } })).toMatchObject({
      label: "TribeMade",
      revokedAt: null,
    });
  });
});
