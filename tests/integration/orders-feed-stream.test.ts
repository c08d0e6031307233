import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/tests/fixtures/auth-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/tests/fixtures/auth-request")).nextCache);
vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));
// Counts the feed's row reads: every stream of a store shares one per change (lib/orders/feed-hub.ts).
const rowReads = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/orders/queries", async (original) => {
  const actual = await original<typeof import("@/lib/orders/queries")>();
  return {
    ...actual,
    getOrderRows: (...args: Parameters<typeof actual.getOrderRows>) => {
      rowReads.count++;
      return actual.getOrderRows(...args);
    },
  };
});

// The live feed's stream (GET /api/orders/stream), end to end inside one process: a webhook through
// the real route → NOTIFY → the LISTEN connection → an `order` event on the member's stream, with
// the row. Another store's orders never appear; a reconnect with Last-Event-ID catches up.

const { actAs, scopedRequest } = await import("@/tests/fixtures/auth-request");
const { createMerchant } = await import("@/tests/fixtures/auth-merchants");
const { orderCreated } = await import("@/tests/fixtures/webhook-payloads");
const { postWebhook, settleAfterTasks } = await import("@/tests/fixtures/webhook-client");
const { sseReader } = await import("@/tests/fixtures/sse");
const { db } = await import("@/lib/db");
const { notifyOrderChanged } = await import("@/lib/feed/notify");
const streamRoute = await import("@/app/api/orders/stream/route");

type Merchant = Awaited<ReturnType<typeof createMerchant>>;
type OrderEvent = { change: "created" | "updated"; order: { id: string; tribemadeOrderId: string; status: string } };

let alpha: Merchant;
let beta: Merchant;
const open: Array<{ cancel: () => Promise<void> }> = [];

beforeAll(async () => {
  alpha = await createMerchant("Alpha");
  beta = await createMerchant("Beta");
});

afterEach(async () => {
  for (const reader of open.splice(0)) await reader.cancel().catch(() => {});
});

async function stream(headers: Record<string, string> = {}, query = "") {
  const response = await streamRoute.GET(scopedRequest(`/api/orders/stream${query}`, { headers }));
  const reader = sseReader(response);
  open.push(reader);
  return { response, reader };
}

async function deliver(merchant: Merchant) {
  const payload = orderCreated({ store_id: merchant.store.tribemadeStoreId ?? undefined });
  const response = await postWebhook(merchant.webhookToken, JSON.stringify(payload));
  expect(response.status).toBe(200);
  await settleAfterTasks();
  return payload.order_id;
}

const isOrder = (tribemadeOrderId: string) => (frame: { event: string; data: string }) =>
  frame.event === "order" && (JSON.parse(frame.data) as OrderEvent).order.tribemadeOrderId === tribemadeOrderId;

describe("GET /api/orders/stream", () => {
  it("refuses a signed-out caller", async () => {
    await actAs(null);
    const response = await streamRoute.GET(scopedRequest("/api/orders/stream"));
    expect(response.status).toBe(401);
  });

  it("streams text/event-stream: retry, then ready", async () => {
    await actAs(alpha.user);
    const { response, reader } = await stream();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toContain("no-store");
    await reader.next((frame) => frame.event === "retry");
    const ready = await reader.next((frame) => frame.event === "ready");
    expect(JSON.parse(ready.data)).toMatchObject({ mode: "listen" });
    expect(Number(ready.id)).toBeGreaterThan(0);
  });

  it("delivers a new order within a second of the webhook's ack, and none of another store's", async () => {
    await actAs(alpha.user, { storeCookie: beta.store.id });
    const { reader } = await stream();
    await reader.next((frame) => frame.event === "ready");

    const betaOrder = await deliver(beta);
    const acked = Date.now();
    const alphaOrder = await deliver(alpha);
    const frame = await reader.next(isOrder(alphaOrder), 5_000);
    expect(Date.now() - acked).toBeLessThan(1_000);
    const event = JSON.parse(frame.data) as OrderEvent;
    expect(event).toMatchObject({ change: "created", order: { status: "started" } });
    expect(reader.frames.some(isOrder(betaOrder))).toBe(false);
    expect(reader.frames.map((f) => f.data).join()).not.toContain(beta.store.id);
  });

  it("reads each change once for every stream of the store and writes them the same frame", async () => {
    await actAs(alpha.user);
    const readers = await Promise.all(Array.from({ length: 8 }, () => stream()));
    for (const { reader } of readers) await reader.next((frame) => frame.event === "ready");

    const before = rowReads.count;
    const one = await deliver(alpha);
    const frames = await Promise.all(readers.map(({ reader }) => reader.next(isOrder(one))));
    expect(rowReads.count - before).toBe(1);
    expect(new Set(frames.map((frame) => `${frame.id}\n${frame.data}`)).size).toBe(1);

    // A burst: five orders at once are read in at most two queries (one in flight, one for the rest), no resync.
    const burstBefore = rowReads.count;
    const burst = await Promise.all(Array.from({ length: 5 }, () => deliver(alpha)));
    for (const { reader } of readers) for (const id of burst) await reader.next(isOrder(id));
    expect(rowReads.count - burstBefore).toBeLessThanOrEqual(2);
    expect(readers.some(({ reader }) => reader.frames.some((frame) => frame.event === "resync"))).toBe(false);
  });

  it("sends the changed row when an order changes (the outbox's and actions' NOTIFY)", async () => {
    await actAs(alpha.user);
    const tribemadeOrderId = await deliver(alpha);
    const order = await db.order.findFirstOrThrow({ where: { storeId: alpha.store.id, tribemadeOrderId } });
    const { reader } = await stream();
    await reader.next((frame) => frame.event === "ready");

    await db.order.update({ where: { id: order.id }, data: { status: "processing", sync: "pending", version: 1 } });
    await notifyOrderChanged(alpha.store.id, order.id);
    const frame = await reader.next(isOrder(tribemadeOrderId));
    expect(JSON.parse(frame.data)).toMatchObject({
      change: "updated",
      order: { status: "processing", sync: "pending", version: 1 },
    });

    // A NOTIFY naming another store's order reveals nothing, even on the right store's channel.
    const betaOrderId = await deliver(beta);
    const betaOrder = await db.order.findFirstOrThrow({ where: { tribemadeOrderId: betaOrderId } });
    await notifyOrderChanged(alpha.store.id, betaOrder.id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reader.frames.some(isOrder(betaOrderId))).toBe(false);
  });

  it("catches a reconnecting browser up from Last-Event-ID, and asks an old one to re-read", async () => {
    await actAs(alpha.user);
    const before = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const missed = await deliver(alpha);

    const { reader } = await stream({ "last-event-id": String(before) });
    const frame = await reader.next(isOrder(missed));
    expect(JSON.parse(frame.data)).toMatchObject({ change: "created" });

    const { reader: stale } = await stream({ "last-event-id": String(before - 3_600_000) });
    await stale.next((f) => f.event === "resync");
  });

  it("replays a reconnect from the store's recent frames without reading again", async () => {
    await actAs(alpha.user);
    const { reader } = await stream();
    await reader.next((frame) => frame.event === "ready");
    // The last frame of an order once it is quiet: a customer join or a verification may follow.
    const lastFrameOf = async (orderId: string) => {
      let frame = await reader.next(isOrder(orderId));
      for (;;) {
        const later = await reader.next((f) => f.event === "order", 750).catch(() => null);
        if (!later) return frame;
        if (isOrder(orderId)(later)) frame = later;
      }
    };
    // Memory answers once the store's hub has watched for longer than the replay's 5 s look-back
    // before the browser's last id (a change another instance framed just before it); before that
    // the change cursor is read. This stream may have opened the hub just now.
    await new Promise((resolve) => setTimeout(resolve, 5_200));
    const seen = await lastFrameOf(await deliver(alpha));
    const missed = await deliver(alpha);
    const sent = await lastFrameOf(missed);

    const before = rowReads.count;
    const { reader: again } = await stream({ "last-event-id": seen.id ?? "" });
    const replayed = await again.next((frame) => frame.id === sent.id);
    expect(replayed.data).toBe(sent.data);
    expect(rowReads.count).toBe(before);
  });

  it("ends by itself (bye) so the browser reconnects before a function time limit", async () => {
    await actAs(alpha.user);
    const { reader } = await stream({}, "?for=1");
    const started = Date.now();
    const frames = await reader.rest();
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(frames.at(-1)?.event).toBe("bye");
  });
});
