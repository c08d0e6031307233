import { beforeEach, describe, expect, it, vi } from "vitest";
import { idsPageByPage, readJson } from "@/tests/fixtures/route-json";

vi.mock("next/headers", async () => (await import("@/tests/fixtures/auth-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/tests/fixtures/auth-request")).nextCache);
vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

// The inspector's route handlers (/api/deliveries…), called the way Next.js calls them, as real
// signed-in users: scoped to the caller's store, and replays that answer like TribeMade's own
// deliveries. The endpoint actions are in webhooks-endpoint-actions.test.ts.

const { actAs, scopedRequest } = await import("@/tests/fixtures/auth-request");
const { addMember, createMerchant } = await import("@/tests/fixtures/auth-merchants");
const { orderCreated } = await import("@/tests/fixtures/webhook-payloads");
const { postWebhook, settleAfterTasks } = await import("@/tests/fixtures/webhook-client");
const { sha256Hex } = await import("@/lib/crypto/tokens");
const { db } = await import("@/lib/db");
const listRoute = await import("@/app/api/deliveries/route");
const detailRoute = await import("@/app/api/deliveries/[id]/route");
const metricsRoute = await import("@/app/api/deliveries/metrics/route");
const actions = await import("@/lib/webhooks/actions");

type Merchant = Awaited<ReturnType<typeof createMerchant>>;
type Row = {
  id: string;
  outcome: string;
  reason: string | null;
  orderRef: string | null;
  customerName: string | null;
  endpointLabel: string;
  replayOfId: string | null;
};
type Page = { items: Row[]; nextCursor: string | null };

const list = async (query = "") => readJson<Page>(await listRoute.GET(scopedRequest(`/api/deliveries${query}`)));
const detail = async (id: string) =>
  readJson<Record<string, unknown>>(
    await detailRoute.GET(scopedRequest(`/api/deliveries/${id}`), { params: Promise.resolve({ id }) }),
  );
const metrics = async () => readJson<Record<string, unknown>>(await metricsRoute.GET(scopedRequest("/api/deliveries/metrics")));

/** A valid order for this merchant (its TribeMade store id, so no store_mismatch). */
function orderFor(merchant: Merchant, overrides: Parameters<typeof orderCreated>[0] = {}) {
  return orderCreated({ store_id: merchant.store.tribemadeStoreId ?? undefined, ...overrides });
}

async function deliver(merchant: Merchant, body: string | Uint8Array) {
  const response = await postWebhook(merchant.webhookToken, body);
  await settleAfterTasks();
  return response;
}

describe("GET /api/deliveries", () => {
  let alpha: Merchant;
  let beta: Merchant;
  let firstOrder: ReturnType<typeof orderCreated>;

  beforeEach(async () => {
    alpha = await createMerchant("Alpha");
    beta = await createMerchant("Beta");
    firstOrder = orderFor(alpha, {
      customer: { name: "Kavya Iyer", email: "kavya.iyer@example.in", number: "+91 98450 12345", pincode: "560001" },
    });
    await deliver(alpha, JSON.stringify(firstOrder));
    await deliver(alpha, JSON.stringify(firstOrder)); // duplicate
    await deliver(alpha, JSON.stringify(orderFor(alpha)));
    await deliver(alpha, Buffer.from([0xff, 0xfe, 0x00]));
    await deliver(
      beta,
      JSON.stringify(
        orderFor(beta, {
          customer: { name: "Beta Customer", email: "kavya.beta@example.in", number: "9845012345", pincode: "411001" },
        }),
      ),
    );
  });

  it("refuses a signed-out caller", async () => {
    await actAs(null);
    const response = await listRoute.GET(scopedRequest("/api/deliveries"));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: "unauthorized" });
  });

  it("lists the caller's store only, newest first, with the row's summary", async () => {
    await actAs(alpha.user, { storeCookie: beta.store.id });
    const { status, body } = await list();
    expect(status).toBe(200);
    expect(body.items.map((row) => row.outcome)).toEqual(["rejected", "accepted", "duplicate", "accepted"]);
    expect(body.items[0]).toMatchObject({ reason: "invalid_json", customerName: null, endpointLabel: "TribeMade" });
    expect(body.items[2]).toMatchObject({ orderRef: firstOrder.order_id, customerName: "Kavya Iyer" });
    expect(JSON.stringify(body)).not.toContain("Beta Customer");
    expect(body.nextCursor).toBeNull();
  });

  it("filters by outcome, endpoint and time, and searches order id, email and phone", async () => {
    await actAs(alpha.user);
    expect((await list("?outcome=duplicate")).body.items).toHaveLength(1);
    expect((await list("?outcome=rejected&reason=invalid_json")).body.items).toHaveLength(1);
    expect((await list(`?endpoint=${alpha.endpointId}`)).body.items).toHaveLength(4);
    expect((await list(`?endpoint=${beta.endpointId}`)).body.items).toHaveLength(0);
    expect((await list("?range=1h")).body.items).toHaveLength(4);
    await db.webhookDelivery.updateMany({
      where: { storeId: alpha.store.id },
      data: { receivedAt: new Date(Date.now() - 2 * 86_400_000) },
    });
    expect((await list("?range=24h")).body.items).toHaveLength(0);
    expect((await list("?range=7d")).body.items).toHaveLength(4);

    const byOrder = await list(`?q=${firstOrder.order_id.slice(0, 8)}`);
    // (All four now share one receivedAt, so compare as a set.)
    expect(byOrder.body.items.map((row) => row.outcome).sort()).toEqual(["accepted", "duplicate"]);
    expect((await list("?q=KAVYA.IYER@example")).body.items).toHaveLength(2);
    expect((await list("?q=98450%2012345")).body.items).toHaveLength(2);
    expect((await list("?q=9845012345")).body.items).toHaveLength(2);
    expect((await list("?q=nobody@example.in")).body.items).toHaveLength(0);
  });

  it("pages with a cursor: every row once, in order", async () => {
    await actAs(alpha.user);
    const seen = await idsPageByPage(list);
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
    expect(seen).toEqual((await list()).body.items.map((row) => row.id));
  });

  it("answers 400 for a bad query", async () => {
    await actAs(alpha.user);
    expect((await list("?outcome=lost")).status).toBe(400);
    expect((await list("?cursor=not-a-cursor")).status).toBe(400);
    expect((await list("?limit=1000")).status).toBe(400);
  });
});

describe("GET /api/deliveries/[id]", () => {
  it("returns the body byte-exact with its hash, headers and validation result", async () => {
    const alpha = await createMerchant("Alpha");
    const raw = Buffer.from('{"event":"order.created","order_id":"nope"}\n');
    await deliver(alpha, raw);
    const stored = await db.webhookDelivery.findFirstOrThrow({ where: { storeId: alpha.store.id } });
    await actAs(alpha.user);
    const { status, body } = await detail(stored.id);
    expect(status).toBe(200);
    expect(Buffer.from(body.bodyBase64 as string, "base64").equals(raw)).toBe(true);
    expect(body.bodySha256).toBe(sha256Hex(raw));
    expect(body).toMatchObject({
      outcome: "rejected",
      reason: "invalid_payload",
      headers: { "content-type": "application/json" },
    });
    expect((body.errors as Array<{ path: string }>).map((issue) => issue.path)).toContain("order_id");
  });

  it("lists the other deliveries of the same order for Compare", async () => {
    const alpha = await createMerchant("Alpha");
    const order = orderFor(alpha);
    await deliver(alpha, JSON.stringify(order));
    await deliver(alpha, JSON.stringify({ ...order, status: "started", extra: 1 }));
    await deliver(alpha, JSON.stringify(orderFor(alpha)));
    const [latest] = await db.webhookDelivery.findMany({
      where: { storeId: alpha.store.id, orderRef: order.order_id },
      orderBy: { receivedAt: "desc" },
    });
    await actAs(alpha.user);
    const { body } = await detail(latest!.id);
    expect((body.related as Row[]).map((row) => row.outcome)).toEqual(["accepted"]);
    expect(body.order).toMatchObject({ tribemadeOrderId: order.order_id, customerName: order.customer.name });
  });

  it("is 404 for another store's delivery and 400 for a malformed id", async () => {
    const alpha = await createMerchant("Alpha");
    const beta = await createMerchant("Beta");
    await deliver(beta, JSON.stringify(orderFor(beta)));
    const betaDelivery = await db.webhookDelivery.findFirstOrThrow({ where: { storeId: beta.store.id } });
    await actAs(alpha.user, { storeCookie: beta.store.id });
    const other = await detail(betaDelivery.id);
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain(betaDelivery.bodySha256);
    expect((await detail("1; drop table")).status).toBe(400);
  });
});

describe("GET /api/deliveries/metrics", () => {
  it("counts the last 24 hours by hour, outcome and reason, with ack percentiles", async () => {
    const alpha = await createMerchant("Alpha");
    const beta = await createMerchant("Beta");
    const order = orderFor(alpha);
    await deliver(alpha, JSON.stringify(order));
    await deliver(alpha, JSON.stringify(order));
    await deliver(alpha, "{");
    await deliver(alpha, JSON.stringify({ event: "order.cancelled" }));
    await deliver(beta, "{");
    await actAs(alpha.user);
    const { status, body } = await metrics();
    expect(status).toBe(200);
    expect(body.totals).toEqual({ accepted: 1, duplicate: 1, rejected: 2, replays: 0 });
    const hours = body.hours as Array<{ hour: string; accepted: number; duplicate: number; rejected: number }>;
    expect(hours).toHaveLength(24);
    expect(hours.at(-1)).toMatchObject({ accepted: 1, duplicate: 1, rejected: 2 });
    // Buckets start on the hour in IST (UTC+05:30), the clock the chart is read in.
    expect(hours.map((bucket) => new Date(bucket.hour).getUTCMinutes())).toEqual(Array(24).fill(30));
    expect(body.reasons).toEqual(
      expect.arrayContaining([
        { reason: "invalid_json", count: 1 },
        { reason: "unsupported_event", count: 1 },
      ]),
    );
    const ack = body.ack as { p50: number; p95: number; p99: number; samples: number };
    expect(ack.samples).toBe(4);
    expect(ack.p50).toBeGreaterThan(0);
    expect(ack.p50).toBeLessThanOrEqual(ack.p95);
    expect(ack.p95).toBeLessThanOrEqual(ack.p99);
  });
});

describe("replayWebhookDelivery", () => {
  it("lets any member replay: an accepted order answers duplicate and the replay is recorded", async () => {
    const alpha = await createMerchant("Alpha");
    const staff = await addMember(alpha.store.id, "staff");
    await deliver(alpha, JSON.stringify(orderFor(alpha)));
    const original = await db.webhookDelivery.findFirstOrThrow({ where: { storeId: alpha.store.id } });
    await actAs(staff.user);
    const result = await actions.replayWebhookDelivery({ deliveryId: original.id });
    await settleAfterTasks();
    expect(result).toMatchObject({ ok: true, data: { outcome: "duplicate", reason: null } });
    if (!result.ok) return;
    const replay = await db.webhookDelivery.findUniqueOrThrow({ where: { id: result.data.deliveryId! } });
    expect(replay).toMatchObject({
      outcome: "duplicate",
      replayOfId: original.id,
      orderId: original.orderId,
      bodySha256: original.bodySha256,
    });
    expect(await db.order.count({ where: { storeId: alpha.store.id } })).toBe(1);

    const { body } = await list();
    expect(body.items[0]).toMatchObject({ id: replay.id, replayOfId: original.id, outcome: "duplicate" });
    expect((await metrics()).body.totals).toMatchObject({ accepted: 1, duplicate: 1, replays: 1 });
  });

  it("answers a rejected delivery's replay with its rejection", async () => {
    const alpha = await createMerchant("Alpha");
    await deliver(alpha, "not json");
    const original = await db.webhookDelivery.findFirstOrThrow({ where: { storeId: alpha.store.id } });
    await actAs(alpha.user);
    expect(await actions.replayWebhookDelivery({ deliveryId: original.id })).toMatchObject({
      ok: true,
      data: { outcome: "rejected", reason: "invalid_json" },
    });
  });

  it("refuses another store's delivery and a signed-out caller", async () => {
    const alpha = await createMerchant("Alpha");
    const beta = await createMerchant("Beta");
    await deliver(beta, JSON.stringify(orderFor(beta)));
    const betaDelivery = await db.webhookDelivery.findFirstOrThrow({ where: { storeId: beta.store.id } });
    await actAs(alpha.user, { storeCookie: beta.store.id });
    expect(await actions.replayWebhookDelivery({ deliveryId: betaDelivery.id })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    await actAs(null);
    expect(await actions.replayWebhookDelivery({ deliveryId: betaDelivery.id })).toMatchObject({
      ok: false,
      error: { code: "unauthorized" },
    });
    expect(await db.webhookDelivery.count({ where: { storeId: beta.store.id } })).toBe(1);
  });
});
