// A drainer killed (SIGKILL, a real process) after its PUT reached TribeMade and before it wrote
// anything: the next drainer finds the lease expired, reads the order first, sees the status
// already holds, and records the push as done. TribeMade saw the change once; the customer got
// one email.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { startSimulatorForApp } from "@/tests/fixtures/outbox-env";

vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

const { sim, control } = await startSimulatorForApp();
const { db } = await import("@/lib/db");
const { connectMerchant, drainUntilSettled, insertOrders, requestStatus } = await import("@/tests/fixtures/outbox");

afterAll(() => sim.stop());

const root = path.resolve(import.meta.dirname, "../..");
const LEASE_MS = 1_500;

/** Starts the child drainer; resolves once it has made its call, with a way to kill it. */
function drainerThatCalls(storeId: string): Promise<{ kill: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "tests/fixtures/drain-child.ts"],
    {
      cwd: root,
      env: { ...process.env, NODE_OPTIONS: "", DRAIN_STORE_ID: storeId, DRAIN_LEASE_MS: String(LEASE_MS) },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => void (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    // A budget, not a wait: the child compiles the app's TypeScript with tsx first, which took over
    // 20 s on a shared two-core machine at load 16.
    const timer = setTimeout(() => reject(new Error(`the child never called TribeMade:\n${errors}`)), 60_000);
    child.stdout.on("data", (chunk: Buffer) => {
      if (!chunk.toString().includes("CALLED")) return;
      clearTimeout(timer);
      resolve({
        kill: () =>
          new Promise((done) => {
            child.once("exit", () => done());
            child.kill("SIGKILL");
          }),
      });
    });
    child.once("exit", (code) => reject(new Error(`the child exited (${code}) before calling:\n${errors}`)));
  });
}

describe("a drainer killed between the call and the write", () => {
  it("leaves exactly one status change at TribeMade and the push done", async () => {
    const merchant = await connectMerchant(control, "Crash");
    const [{ order, simOrder }] = (await insertOrders(control, merchant, 1, { verify: false })) as [
      Awaited<ReturnType<typeof insertOrders>>[number],
    ];
    await requestStatus(order, "processing");

    const child = await drainerThatCalls(merchant.store.id);
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
