// 100 status pushes queued for one store, three drainers at once, TribeMade's 20 per window (the
// simulator's window shortened to 2 s): every push lands, no 429, never more than 20 in a window.
import { afterAll, describe, expect, it, vi } from "vitest";
import { startSimulatorForApp } from "@/tests/fixtures/outbox-env";

vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

const WINDOW_MS = 2_000;
const { sim, control } = await startSimulatorForApp({ windowMs: WINDOW_MS });
const { db } = await import("@/lib/db");
const { getStatusBudget } = await import("@/lib/outbox/queries");
const { connectMerchant, drainUntilSettled, insertOrders, requestStatus } = await import("@/tests/fixtures/outbox");

afterAll(() => sim.stop());

describe("rate budgets", () => {
  it("sends 100 pushes with 0 × 429 and at most 20 in any of TribeMade's windows", async () => {
    const merchant = await connectMerchant(control, "Budget");
    const placed = await insertOrders(control, merchant, 100, { verify: false });
    for (const { order } of placed) await requestStatus(order, "processing");
    const since = (await control.requests()).requests.at(-1)?.seq ?? 0;

    const started = Date.now();
    await Promise.all([0, 1, 2].map(() => drainUntilSettled(merchant.store.id, { timeoutMs: 60_000, housekeeping: false })));
    const elapsed = Date.now() - started;

    const puts = (await control.requests({ storeId: merchant.simStore.id, since })).requests.filter((r) => r.method === "PUT");
    expect(puts.filter((r) => r.status === 429)).toHaveLength(0);
    expect(puts.filter((r) => r.status === 200)).toHaveLength(100);
    // The simulator's fixed windows, rebuilt from the arrival times: each starts at the first call after the last ended.
    const times = puts.map((r) => Date.parse(r.at)).sort((x, y) => x - y);
    const windows: number[] = [];
    let windowStart = -Infinity;
    for (const at of times) {
      if (at >= windowStart + WINDOW_MS) {
        windowStart = at;
        windows.push(0);
      }
      windows[windows.length - 1]! += 1;
    }
    expect(Math.max(...windows)).toBeLessThanOrEqual(20);
    expect(windows.length).toBeGreaterThanOrEqual(5);
    // Four full windows must pass before the fifth batch may go; the pace stays close to the limit's.
    expect(elapsed).toBeGreaterThanOrEqual(4 * WINDOW_MS);
    expect(await db.order.count({ where: { storeId: merchant.store.id, sync: "synced" } })).toBe(100);

    const budget = await getStatusBudget(merchant.store.id);
    expect(budget).toMatchObject({ bucket: "order_status", limit: 20, blockedUntil: null });
    expect(budget.used).toBeLessThanOrEqual(20);
  }, 120_000);

  it("stops at a 429 storm until its retry_after, without spending attempts", async () => {
    const merchant = await connectMerchant(control, "Storm");
    const placed = await insertOrders(control, merchant, 3, { verify: false });
    for (const { order } of placed) await requestStatus(order, "processing");
    await control.setFaults({ storeId: merchant.simStore.id, forced429: { durationMs: 1_500, retryAfter: 2 } });
    const { runDrain } = await import("@/lib/outbox/drain");
    await runDrain({ trigger: "cron", storeId: merchant.store.id, housekeeping: false });

    const budget = await getStatusBudget(merchant.store.id);
    expect(budget.blockedUntil).not.toBeNull();
    const messages = await db.outboxMessage.findMany({ where: { storeId: merchant.store.id } });
    expect(messages.every((m) => m.status === "pending" && m.attempts === 0)).toBe(true);
    // Blocked: an immediate second drain does not even call.
    const calls = (await control.requests({ storeId: merchant.simStore.id })).requests.length;
    await runDrain({ trigger: "cron", storeId: merchant.store.id, housekeeping: false });
    expect((await control.requests({ storeId: merchant.simStore.id })).requests.length).toBe(calls);

    await drainUntilSettled(merchant.store.id, { timeoutMs: 10_000, housekeeping: false });
    expect(await db.outboxMessage.count({ where: { storeId: merchant.store.id, status: "done" } })).toBe(3);
  }, 30_000);
});
