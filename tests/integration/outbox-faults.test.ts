// The drain under TribeMade's bad days, against the simulator over HTTP: 30% 5xx (some after the
// change took effect), hangs past the timeout, 429 storms and latency. Every message ends done or
// dead with a reason, none is lost, and no status change reaches TribeMade twice. Also: concurrent
// drains never share a message, and the cron route wants its secret.
import { afterAll, describe, expect, it, vi } from "vitest";
import { startSimulatorForApp } from "@/tests/fixtures/outbox-env";

vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

const { sim, control } = await startSimulatorForApp({ windowMs: 1_000 });
const { db } = await import("@/lib/db");
const { claimBatch } = await import("@/lib/outbox/claim");
const { drainConfig, runDrain } = await import("@/lib/outbox/drain");
const { connectMerchant, drainUntilSettled, insertOrders, requestStatus } = await import("@/tests/fixtures/outbox");

afterAll(() => sim.stop());

// Short everything: the timeout below the simulator's hangs, backoff in milliseconds.
const config = { timeoutMs: 300, leaseMs: 3_000, backoff: { baseMs: 20, capMs: 200 } };

/** PUTs that changed the order at the simulator: answered 200, or applied and then failed. */
async function appliedPuts(simStoreId: string) {
  const { requests } = await control.requests({ storeId: simStoreId });
  const applied = new Map<string, number>();
  for (const request of requests) {
    if (request.method !== "PUT") continue;
    if (request.status === 200 || request.fault === "5xx-after" || request.fault === "hang-after") {
      const orderId = request.path.split("/")[3]!;
      applied.set(orderId, (applied.get(orderId) ?? 0) + 1);
    }
  }
  return applied;
}

describe("the fault matrix", () => {
  it("ends every message done or dead with a reason, loses none, and never sends a status change twice", async () => {
    const a = await connectMerchant(control, "FaultsA");
    const b = await connectMerchant(control, "FaultsB");
    const stores = [a, b];
    const orders = new Map<string, Awaited<ReturnType<typeof insertOrders>>>();
    for (const merchant of stores) {
      const placed = await insertOrders(control, merchant, 20);
      for (const { order } of placed.slice(0, 12)) await requestStatus(order, "processing");
      orders.set(merchant.store.id, placed);
    }
    // A: lost answers (the change applied, then a 5xx) and hangs before anything happens, plus a 429 storm.
    await control.setFaults({
      storeId: a.simStore.id,
      error5xx: { rate: 0.3, status: 503, phase: "after" },
      hang: { ms: 1_000, rate: 0.1 },
    });
    await control.setFaults({ storeId: a.simStore.id, forced429: { calls: 8, retryAfter: 1 } });
    // B: plain 5xx, and hangs after the change applied.
    await control.setFaults({
      storeId: b.simStore.id,
      error5xx: { rate: 0.3, status: 500, phase: "before" },
      hang: { ms: 1_000, rate: 0.1, phase: "after" },
    });
    await control.setFaults({ latencyMs: 20 });
    try {
      await Promise.all(
        stores.flatMap((merchant) => [0, 1].map(() => drainUntilSettled(merchant.store.id, { config, timeoutMs: 25_000 }))),
      );
    } finally {
      await control.clearFaults();
    }

    for (const merchant of stores) {
      const messages = await db.outboxMessage.findMany({ where: { storeId: merchant.store.id } });
      // 20 verifications + 12 pushes, and nothing else appeared or vanished.
      expect(messages.filter((m) => m.kind === "verify_order")).toHaveLength(20);
      expect(messages.filter((m) => m.kind === "push_status")).toHaveLength(12);
      for (const message of messages) {
        expect(["done", "dead"]).toContain(message.status);
        if (message.status === "dead") expect(message.lastError).toBeTruthy();
      }
      const applied = await appliedPuts(merchant.simStore.id);
      for (const { order, simOrder } of orders.get(merchant.store.id)!.slice(0, 12)) {
        const push = messages.find((m) => m.kind === "push_status" && (m.payload as { orderId: string }).orderId === order.id)!;
        const changes = (await control.statusChanges({ orderId: simOrder.id })).statusChanges;
        expect(changes.length, `order ${simOrder.id} changed ${changes.length} times`).toBeLessThanOrEqual(1);
        expect(applied.get(simOrder.id) ?? 0).toBeLessThanOrEqual(1);
        if (push.status === "done") {
          expect(changes.map((c) => c.to)).toEqual(["processing"]);
          expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ sync: "synced" });
        }
      }
      const verified = await db.order.count({ where: { storeId: merchant.store.id, verification: "verified" } });
      const deadVerifies = messages.filter((m) => m.kind === "verify_order" && m.status === "dead").length;
      expect(verified + deadVerifies).toBe(20);
    }
    // The faults did happen.
    const faults = (await control.requests()).requests.map((r) => r.fault).filter(Boolean);
    expect(new Set(faults)).toEqual(new Set(["5xx", "5xx-after", "hang", "hang-after", "forced-429"]));
  }, 60_000);
});

describe("concurrent drains", () => {
  it("never claim the same message", async () => {
    const merchant = await connectMerchant(control, "Claims");
    await insertOrders(control, merchant, 40);
    const budget = drainConfig().budget;
    const claims = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        claimBatch({ owner: String(1_000 + i), storeId: merchant.store.id, limit: 10, leaseMs: 60_000, budget }),
      ),
    );
    const ids = claims.flat().map((m) => m.id);
    expect(ids).toHaveLength(40);
    expect(new Set(ids).size).toBe(40);
  });

  it("send each message once when four drain at the same time", async () => {
    const merchant = await connectMerchant(control, "Parallel");
    const placed = await insertOrders(control, merchant, 40);
    await Promise.all(
      [0, 1, 2, 3].map(() => runDrain({ trigger: "cron", storeId: merchant.store.id, config: { batchSize: 5 } })),
    );
    // The verifications (each verified order also queues a read of its product, drained later).
    const messages = await db.outboxMessage.findMany({ where: { storeId: merchant.store.id, kind: "verify_order" } });
    expect(messages).toHaveLength(40);
    expect(messages.map((m) => [m.status, m.attempts])).toEqual(messages.map(() => ["done", 1]));
    const attempts = await db.outboxAttempt.groupBy({
      by: ["messageId"],
      where: { storeId: merchant.store.id, messageId: { in: messages.map((m) => m.id) } },
      _count: true,
    });
    expect(attempts.map((row) => row._count)).toEqual(messages.map(() => 1));
    const { requests } = await control.requests({ storeId: merchant.simStore.id });
    for (const { simOrder } of placed) expect(requests.filter((r) => r.path === `/api/orders/${simOrder.id}`)).toHaveLength(1);
  });
});

describe("the time budget", () => {
  it("stops claiming when it is spent and leaves the rest for the next drain", async () => {
    const merchant = await connectMerchant(control, "Budgeted");
    await insertOrders(control, merchant, 60);
    await control.setFaults({ storeId: merchant.simStore.id, latencyMs: 150 });
    try {
      const summary = await runDrain({
        trigger: "cron",
        storeId: merchant.store.id,
        housekeeping: false,
        config: { budgetMs: 400, batchSize: 5, parallelBatches: 1 },
      });
      // Each batch takes at least the simulator's 150 ms: a few fit in 400 ms, not twelve.
      expect(summary.claimed).toBeGreaterThan(0);
      expect(summary.claimed).toBeLessThan(60);
      expect(summary.ms).toBeLessThan(400 + 2_000);
      // Verifications only: each verified order also queues a read of its product (lib/products).
      const pendingVerifications = { storeId: merchant.store.id, status: "pending", kind: "verify_order" } as const;
      expect(await db.outboxMessage.count({ where: pendingVerifications })).toBe(60 - summary.claimed);
    } finally {
      await control.clearFaults(merchant.simStore.id);
    }
  });
});

describe("GET /api/cron/outbox", () => {
  const call = async (authorization?: string) => {
    const { GET } = await import("@/app/api/cron/outbox/route");
    const headers: Record<string, string> = authorization ? { authorization } : {};
    return GET(
      new Request("http://127.0.0.1:3000/api/cron/outbox", { headers: { ...headers, "user-agent": "vercel-cron/1.0" } }),
    );
  };

  it("answers 401 without the secret, or with a wrong one, and drains nothing", async () => {
    const merchant = await connectMerchant(control, "Cron");
    await insertOrders(control, merchant, 1);
    for (const authorization of [
      undefined,
      "Bearer wrong-secret-wrong-secret",
      `Basic ${process.env.CRON_SECRET}`,
      process.env.CRON_SECRET,
    ]) {
      const response = await call(authorization);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toBe("Bearer");
    }
    expect(await db.outboxMessage.findFirstOrThrow({ where: { storeId: merchant.store.id } })).toMatchObject({
      status: "pending",
    });
  });

  it("drains every store with the secret, reports the totals and records the run as cron", async () => {
    const merchant = await connectMerchant(control, "Cron2");
    await insertOrders(control, merchant, 2);
    const response = await call(`Bearer ${process.env.CRON_SECRET}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { claimed: number; done: number; retried: number; dead: number; ms: number };
    expect(Object.keys(body).sort()).toEqual(["claimed", "dead", "done", "ms", "retried"]);
    expect(body.done).toBeGreaterThanOrEqual(2);
    expect(await db.outboxMessage.count({ where: { storeId: merchant.store.id, status: "done", kind: "verify_order" } })).toBe(2);
    const run = await db.drainRun.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(run).toMatchObject({ trigger: "cron", storeId: null });
    expect(run.done).toBe(body.done);
  });
});
