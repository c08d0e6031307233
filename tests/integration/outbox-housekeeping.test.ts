// What drains do besides sending: retention purges raw deliveries (hourly, in batches, keeping
// hash, size and outcome), the refresh scheduler queues open orders inside the GET budget (newest
// first), and a signed-in request finds due work and drains it in after() without any cron.
import { afterAll, describe, expect, it, vi } from "vitest";
import { startSimulatorForApp } from "@/tests/fixtures/outbox-env";

vi.mock("next/headers", async () => (await import("@/tests/fixtures/auth-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/tests/fixtures/auth-request")).nextCache);
vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

const { sim, control } = await startSimulatorForApp();
const { db } = await import("@/lib/db");
const { runDrain, drainConfig } = await import("@/lib/outbox/drain");
const { scheduleRefreshes } = await import("@/lib/orders/outbox/refresh-scheduler");
const { actAs, scopedRequest } = await import("@/tests/fixtures/auth-request");
const { settleAfterTasks } = await import("@/tests/fixtures/webhook-client");
const { connectMerchant, insertOrders, receiveOrder } = await import("@/tests/fixtures/outbox");
const { getDeliveryOrThrow } = await import("@/lib/webhooks/queries");

afterAll(() => sim.stop());

const DAY = 86_400_000;

describe("retention", () => {
  it("empties bodies and headers past retentionDays in batches, at most hourly, keeping the row", async () => {
    const merchant = await connectMerchant(control, "Retention");
    await db.store.update({ where: { id: merchant.store.id }, data: { retentionDays: 7 } });
    const { order } = await receiveOrder(control, merchant);
    const recent = await db.webhookDelivery.findFirstOrThrow({ where: { orderId: order.id } });
    // 1,100 old deliveries: three batches of 500.
    await db.$executeRaw`
      INSERT INTO "WebhookDelivery" ("storeId", "endpointId", "receivedAt", headers, body, "bodySize", "bodySha256", outcome)
      SELECT ${merchant.store.id}::uuid, ${merchant.endpointId}::uuid, now() - interval '10 days' + g * interval '1 second',
        '{"user-agent":"TribeMade"}'::jsonb, convert_to('{"old":' || g || '}', 'UTF8'), 10, 'sha' || g, 'rejected'
      FROM generate_series(1, 1100) g`;

    const run = await runDrain({ trigger: "cron", storeId: merchant.store.id });
    const old = await db.webhookDelivery.findMany({
      where: { storeId: merchant.store.id, receivedAt: { lt: new Date(Date.now() - 7 * DAY) } },
    });
    expect(old).toHaveLength(1_100);
    expect(old.every((d) => d.purgedAt !== null && d.body.length === 0 && JSON.stringify(d.headers) === "{}")).toBe(true);
    expect(old.map((d) => d.bodySha256)).toContain("sha1100");
    expect(old.every((d) => d.bodySize === 10 && d.outcome === "rejected")).toBe(true);
    const kept = await db.webhookDelivery.findUniqueOrThrow({ where: { id: recent.id } });
    expect(kept.purgedAt).toBeNull();
    expect(kept.body.length).toBeGreaterThan(0);
    const recorded = await db.drainRun.findFirstOrThrow({
      where: { storeId: merchant.store.id, trigger: "cron" },
      orderBy: { id: "desc" },
    });
    expect(recorded.purged).toBe(1_100);
    expect(run.claimed).toBeGreaterThanOrEqual(0);

    // The inspector says so, and a purged delivery cannot be replayed.
    const member = { user: merchant.user, store: { id: merchant.store.id, name: merchant.store.name }, role: "owner" as const };
    const detail = await getDeliveryOrThrow(member, old[0]!.id);
    expect(detail.purgedAt).not.toBeNull();
    expect(detail.bodyBase64).toBe("");
    const { replayDelivery } = await import("@/lib/webhooks/mutations");
    await expect(replayDelivery(member, old[0]!.id)).rejects.toThrow(/Retention purged/);

    // Within the hour nothing is purged again, even a newly old row; after it, it is.
    await db.webhookDelivery.update({ where: { id: recent.id }, data: { receivedAt: new Date(Date.now() - 8 * DAY) } });
    await runDrain({ trigger: "cron", storeId: merchant.store.id });
    expect((await db.webhookDelivery.findUniqueOrThrow({ where: { id: recent.id } })).purgedAt).toBeNull();
    await db.outboxState.update({
      where: { storeId: merchant.store.id },
      data: { purgedAt: new Date(Date.now() - 2 * 3_600_000), purgedThrough: null },
    });
    await runDrain({ trigger: "cron", storeId: merchant.store.id });
    expect((await db.webhookDelivery.findUniqueOrThrow({ where: { id: recent.id } })).purgedAt).not.toBeNull();
  }, 60_000);
});

describe("the refresh scheduler", () => {
  it("queues open orders inside half the GET budget, newest first, once per window", async () => {
    const merchant = await connectMerchant(control, "Refresh");
    const placed = await insertOrders(control, merchant, 40, { verify: false });
    // 40 verified open orders received over the last 40 days, none refreshed for two days; two closed ones.
    for (const [index, { order }] of placed.entries()) {
      await db.order.update({
        where: { id: order.id },
        data: {
          verification: "verified",
          receivedAt: new Date(Date.now() - index * DAY - 60_000),
          lastRefreshedAt: new Date(Date.now() - 2 * DAY),
          status: index === 0 ? "delivered" : index === 1 ? "cancelled" : "processing",
        },
      });
    }
    const budget = drainConfig().budget;
    const queued = await scheduleRefreshes(merchant.store.id, budget);
    expect(queued).toBe(Math.floor(budget.limits.order_get / 2));
    const refreshes = await db.outboxMessage.findMany({ where: { storeId: merchant.store.id, kind: "refresh_order" } });
    const orderIds = new Set(refreshes.map((m) => (m.payload as { orderId: string }).orderId));
    // The newest open ones (index 2 onwards), never the delivered or cancelled ones.
    expect(orderIds.has(placed[0]!.order.id)).toBe(false);
    expect(orderIds.has(placed[1]!.order.id)).toBe(false);
    expect(orderIds.has(placed[2]!.order.id)).toBe(true);
    expect(orderIds.has(placed[39]!.order.id)).toBe(false);
    expect(refreshes.every((m) => m.priority === 2)).toBe(true);
    // The store's turn is taken for this window.
    expect(await scheduleRefreshes(merchant.store.id, budget)).toBe(0);
  });
});

describe("a signed-in request", () => {
  it("drains the store's due retry in after(), with no cron, once per few seconds", async () => {
    const merchant = await connectMerchant(control, "Dashboard");
    await insertOrders(control, merchant, 1);
    const message = await db.outboxMessage.findFirstOrThrow({ where: { storeId: merchant.store.id, kind: "verify_order" } });
    // A verification that failed once and is due again.
    await db.outboxMessage.update({
      where: { id: message.id },
      data: { attempts: 1, lastError: "TribeMade answered 503", availableAt: new Date(Date.now() - 1_000) },
    });
    await db.outboxState.create({ data: { storeId: merchant.store.id, refreshScheduledAt: new Date() } });

    const route = await import("@/app/api/outbox/status/route");
    await actAs(merchant.user, { storeCookie: merchant.store.id });
    const response = await route.GET(scopedRequest("/api/outbox/status"));
    expect(response.status).toBe(200);
    await settleAfterTasks();
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      status: "done",
      attempts: 2,
    });
    const run = await db.drainRun.findFirstOrThrow({ where: { storeId: merchant.store.id } });
    expect(run.trigger).toBe("dashboard");

    // Nothing due: the next request writes nothing and starts nothing.
    const turn = (await db.outboxState.findUniqueOrThrow({ where: { storeId: merchant.store.id } })).drainRequestedAt;
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await route.GET(scopedRequest("/api/outbox/status"));
    await settleAfterTasks();
    expect((await db.outboxState.findUniqueOrThrow({ where: { storeId: merchant.store.id } })).drainRequestedAt).toEqual(turn);
    expect(await db.drainRun.count({ where: { storeId: merchant.store.id } })).toBe(1);
  });
});
