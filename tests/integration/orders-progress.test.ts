// The reads behind the quota meter and bulk progress, through their route handlers.
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("@/tests/fixtures/auth-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/tests/fixtures/auth-request")).nextCache);
vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

const { actAs, scopedRequest } = await import("@/tests/fixtures/auth-request");
const { createMerchant } = await import("@/tests/fixtures/auth-merchants");
const { createOrders } = await import("@/tests/fixtures/orders");
const actions = await import("@/lib/orders/actions");
const budgetRoute = await import("@/app/api/orders/budget/route");
const syncRoute = await import("@/app/api/orders/sync-states/route");
const { db } = await import("@/lib/db");

type Merchant = Awaited<ReturnType<typeof createMerchant>>;
let shop: Merchant;

beforeEach(async () => {
  shop = await createMerchant("Meter");
  await actAs(shop.user);
});

async function getBudget() {
  const response = await budgetRoute.GET(scopedRequest("/api/orders/budget"));
  expect(response.status).toBe(200);
  return (await response.json()) as { budget: Record<string, number | null>; queued: number; now: number };
}

describe("GET /api/orders/budget", () => {
  it("reads an idle store as a full budget", async () => {
    expect(await getBudget()).toMatchObject({ budget: { used: 0, limit: 20, resetsAt: null, blockedUntil: null }, queued: 0 });
  });

  it("reads the drain's window and block, and counts queued pushes", async () => {
    const windowStart = new Date(Date.now() - 37_000);
    const blockedUntil = new Date(Date.now() + 40_000);
    await db.rateBudget.create({ data: { storeId: shop.store.id, bucket: "order_status", windowStart, used: 14, blockedUntil } });
    const orders = await createOrders(shop.store.id, 3);
    await actions.bulkChangeStatus({ status: "processing", orders: orders.map((o) => ({ id: o.id })) });
    const view = await getBudget();
    expect(view).toMatchObject({
      budget: { used: 14, limit: 20, resetsAt: windowStart.getTime() + 60_000, blockedUntil: blockedUntil.getTime() },
      queued: 3,
    });
    expect(Math.abs(view.now - Date.now())).toBeLessThan(5_000);
  });

  it("forgets a window that has ended", async () => {
    await db.rateBudget.create({
      data: { storeId: shop.store.id, bucket: "order_status", windowStart: new Date(Date.now() - 61_000), used: 20 },
    });
    expect((await getBudget()).budget).toMatchObject({ used: 0, resetsAt: null });
  });
});

describe("POST /api/orders/sync-states", () => {
  it("returns each changed order's status and sync state as the drain moves it", async () => {
    const [a, b] = await createOrders(shop.store.id, 2);
    await actions.bulkChangeStatus({ status: "processing", orders: [{ id: a!.id }, { id: b!.id }] });
    await db.order.update({ where: { id: b!.id }, data: { sync: "failed", syncError: "Order is already processing" } });
    const response = await syncRoute.POST(
      scopedRequest("/api/orders/sync-states", {
        method: "POST",
        body: JSON.stringify({ ids: [a!.id, b!.id] }),
        headers: { "content-type": "application/json" },
      }),
    );
    expect(response.status).toBe(200);
    const { orders } = (await response.json()) as { orders: Array<Record<string, unknown>> };
    expect(orders).toEqual(
      expect.arrayContaining([
        { id: a!.id, status: "processing", sync: "pending", syncError: null, version: 1, trackingUrl: null },
        {
          id: b!.id,
          status: "processing",
          sync: "failed",
          syncError: "Order is already processing",
          version: 1,
          trackingUrl: null,
        },
      ]),
    );
  });

  it("refuses a malformed body", async () => {
    const response = await syncRoute.POST(scopedRequest("/api/orders/sync-states", { method: "POST", body: "nope" }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "invalid_json" });
  });

  it("refuses a body over 1 MiB, declared or streamed, without buffering it", async () => {
    const [order] = await createOrders(shop.store.id, 1);
    // Valid JSON the schema would accept: the padding is an unknown key it strips.
    const body = JSON.stringify({ ids: [order!.id], padding: "x".repeat(2 * 1024 * 1024) });
    const declared = await syncRoute.POST(
      scopedRequest("/api/orders/sync-states", { method: "POST", body, headers: { "content-type": "application/json" } }),
    );
    expect(declared.status).toBe(413);
    expect(await declared.json()).toMatchObject({ error: "payload_too_large" });

    let pulled = 0;
    const chunk = new TextEncoder().encode(body.slice(0, 64 * 1024));
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // An endless upload: only a reader that stops can answer.
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
    });
    const streamed = await syncRoute.POST(scopedRequest("/api/orders/sync-states", { method: "POST", body: stream }));
    expect(streamed.status).toBe(413);
    expect(pulled).toBeLessThan(2 * 1024 * 1024);
  });
});
