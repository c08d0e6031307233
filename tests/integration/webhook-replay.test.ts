import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { ingest } from "@/lib/webhooks/ingest/ingest";
import { createEndpoint, createStoreWithEndpoint } from "@/tests/fixtures/factories";
import { postWebhook } from "@/tests/fixtures/webhook-client";
import { orderCreated } from "@/tests/fixtures/webhook-payloads";

vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

// Replay is ingest on a stored delivery's bytes through the endpoint it arrived at (by id, so a
// since-revoked endpoint still replays), recorded as a new delivery pointing back at the original.

async function replay(storeId: string, deliveryId: string) {
  const original = await db.webhookDelivery.findFirstOrThrow({ where: { id: deliveryId, storeId } });
  return ingest({
    endpoint: { kind: "endpoint", endpointId: original.endpointId, storeId },
    body: original.body,
    truncated: original.reason === "payload_too_large",
    headers: original.headers as Record<string, string>,
    startedAt: performance.now(),
    replayOfId: original.id,
  });
}

describe("replaying a stored delivery", () => {
  it("answers duplicate for an accepted order and records the replay", async () => {
    const { store, endpoint, token } = await createStoreWithEndpoint();
    const body = JSON.stringify(orderCreated());
    await postWebhook(token, body);
    const original = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });

    const result = await replay(store.id, original.id);
    expect(result).toMatchObject({ ok: true, ack: { status: "duplicate" } });
    const copy = await db.webhookDelivery.findUniqueOrThrow({ where: { id: result.delivery!.deliveryId } });
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
    const result = await replay(store.id, original.id);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe("invalid_json");
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
    expect(await replay(store.id, original.id)).toMatchObject({ ok: true, ack: { status: "accepted" } });
  });

  it("still replays through a revoked endpoint, and never across stores", async () => {
    const { store, token, endpoint } = await createStoreWithEndpoint();
    await postWebhook(token, JSON.stringify(orderCreated()));
    const original = await db.webhookDelivery.findFirstOrThrow({ where: { endpointId: endpoint.id } });
    await db.webhookEndpoint.update({ where: { id: endpoint.id }, data: { revokedAt: new Date() } });
    expect(await replay(store.id, original.id)).toMatchObject({ ok: true, ack: { status: "duplicate" } });

    const other = await createStoreWithEndpoint();
    await createEndpoint(other.store.id);
    const crossStore = await ingest({
      endpoint: { kind: "endpoint", endpointId: endpoint.id, storeId: other.store.id },
      body: original.body,
      truncated: false,
      headers: {},
      startedAt: performance.now(),
      replayOfId: original.id,
    });
    expect(crossStore).toMatchObject({ ok: false, delivery: null });
  });
});
