import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { replayDelivery } from "@/lib/webhooks/mutations";
import { createEndpoint, createStoreWithEndpoint } from "@/tests/fixtures/factories";
import { postWebhook } from "@/tests/fixtures/webhook-client";
import { orderCreated } from "@/tests/fixtures/webhook-payloads";

vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

// Replay is the inspector's own replayDelivery (what the Replay button's action calls): ingest on a
// stored delivery's bytes through the endpoint it arrived at (by id, so a since-revoked endpoint
// still replays), recorded as a new delivery pointing back at the original.

/** As the store's owner (the action passes the Member requireOwner returned). */
async function replay(storeId: string, deliveryId: string) {
  const owner = { user: { id: randomUUID(), name: "Owner", email: "owner@example.in" }, store: { id: storeId, name: "Store" } };
  return replayDelivery({ ...owner, role: "owner" }, deliveryId);
}

describe("replaying a stored delivery", () => {
  it("answers duplicate for an accepted order and records the replay", async () => {
    const { store, endpoint, token } = await createStoreWithEndpoint();
    const body = JSON.stringify(orderCreated());
    await postWebhook(token, body);
    const original = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });

    const { result } = await replay(store.id, original.id);
    expect(result).toMatchObject({ outcome: "duplicate", reason: null, message: expect.stringMatching(/duplicate/) });
    const copy = await db.webhookDelivery.findUniqueOrThrow({ where: { id: result.deliveryId! } });
    expect(copy).toMatchObject({
      outcome: "duplicate",
      replayOfId: original.id,
      orderId: original.orderId,
      bodySha256: original.bodySha256,
    });
    expect(Buffer.from(copy.body).equals(Buffer.from(original.body))).toBe(true);
    expect(copy.headers).toEqual(original.headers);
    expect(await db.order.count({ where: { storeId: store.id } })).toBe(1);
    const events = await db.orderEvent.findMany({ where: { storeId: store.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.type, (e.data as { replay: boolean }).replay])).toEqual([
      ["received", false],
      ["duplicate_received", true],
    ]);
  });

  it("replays a rejected delivery to the same rejection, byte for byte", async () => {
    const { store, endpoint, token } = await createStoreWithEndpoint();
    await postWebhook(token, Buffer.from([0xff, 0x00, 0x7b]));
    const original = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    const { result } = await replay(store.id, original.id);
    expect(result).toMatchObject({ outcome: "rejected", reason: "invalid_json" });
    expect(
      await db.webhookDelivery.count({ where: { endpointId: endpoint.id, replayOfId: original.id, reason: "invalid_json" } }),
    ).toBe(1);
  });

  it("accepts on replay once the cause of a rejection is gone", async () => {
    const { store, endpoint, token } = await createStoreWithEndpoint({
      tribemadeStoreId: "99999999-9999-4999-8999-999999999999",
    });
    await postWebhook(token, JSON.stringify(orderCreated()));
    const original = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    expect(original.reason).toBe("store_mismatch");
    // The merchant corrects the store's TribeMade id, then replays.
    await db.store.update({ where: { id: store.id }, data: { tribemadeStoreId: null } });
    expect((await replay(store.id, original.id)).result).toMatchObject({ outcome: "accepted", reason: null });
    expect(await db.order.count({ where: { storeId: store.id } })).toBe(1);
  });

  it("still replays through a revoked endpoint, and never across stores", async () => {
    const { store, token, endpoint } = await createStoreWithEndpoint();
    await postWebhook(token, JSON.stringify(orderCreated()));
    const original = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { revokedAt: new Date() } });
    expect((await replay(store.id, original.id)).result).toMatchObject({ outcome: "duplicate" });

    // Another store asking for this delivery by id finds nothing, and nothing is recorded anywhere.
    const other = await createStoreWithEndpoint();
    await createEndpoint(other.store.id);
    const deliveries = await db.webhookDelivery.count();
    await expect(replay(other.store.id, original.id)).rejects.toMatchObject({ name: "AppError", code: "not_found" });
    expect(await db.webhookDelivery.count()).toBe(deliveries);
  });
});
