// A drainer killed (SIGKILL, a real process) after its PUT reached TribeMade and before it wrote
// anything: the next drainer finds the lease expired, reads the order first, sees the status
// already holds, and records the push as done. TribeMade saw the change once; the customer got
// one email.
import { afterAll, describe, expect, it, vi } from "vitest";
import { startDrainChild } from "@/tests/fixtures/drain-child-process";
import { startSimulatorForApp } from "@/tests/fixtures/outbox-env";

vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

const { sim, control } = await startSimulatorForApp();
const { db } = await import("@/lib/db");
const { connectMerchant, drainUntilSettled, insertOrders, requestStatus } = await import("@/tests/fixtures/outbox");

afterAll(() => sim.stop());

const LEASE_MS = 1_500;

describe("a drainer killed between the call and the write", () => {
  it("leaves exactly one status change at TribeMade and the push done", async () => {
    const merchant = await connectMerchant(control, "Crash");
    const [{ order, simOrder }] = (await insertOrders(control, merchant, 1, { verify: false })) as [
      Awaited<ReturnType<typeof insertOrders>>[number],
    ];
    await requestStatus(order, "processing");

    const child = await startDrainChild(merchant.store.id, { leaseMs: LEASE_MS });
    await child.kill();

    // The PUT landed; nothing about it was written except the pre-send mark.
    expect((await control.statusChanges({ orderId: simOrder.id })).statusChanges.map((c) => c.to)).toEqual(["processing"]);
    const stuck = await db.outboxMessage.findFirstOrThrow({ where: { storeId: merchant.store.id } });
    expect(stuck).toMatchObject({ status: "leased", sendUnconfirmed: true, attempts: 0 });
    expect(await db.outboxAttempt.count({ where: { messageId: stuck.id } })).toBe(0);

    await new Promise((resolve) => setTimeout(resolve, LEASE_MS + 200));
    await drainUntilSettled(merchant.store.id, { housekeeping: false });

    expect((await control.statusChanges({ orderId: simOrder.id })).statusChanges).toHaveLength(1);
    const puts = (await control.requests({ storeId: merchant.simStore.id })).requests.filter((r) => r.method === "PUT");
    expect(puts).toHaveLength(1);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: stuck.id } })).toMatchObject({
      status: "done",
      sendUnconfirmed: false,
    });
    expect(await db.order.findUniqueOrThrow({ where: { id: order.id } })).toMatchObject({ sync: "synced", status: "processing" });
    const pushed = await db.orderEvent.findFirstOrThrow({ where: { orderId: order.id, type: "status_pushed" } });
    expect(pushed.data).toMatchObject({ status: "processing", alreadyApplied: true });
    const attempts = await db.outboxAttempt.findMany({ where: { messageId: stuck.id } });
    expect(attempts.map((a) => [a.method, a.httpStatus])).toEqual([["GET", 200]]);
  }, 120_000);
});
