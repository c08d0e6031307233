// The long-running mode (npm start): the process LISTENs on tribedesk_outbox and drains within a
// second of a wake-up, without cron and without any request; wake-ups then only NOTIFY.
import { afterAll, describe, expect, it, vi } from "vitest";
import { startSimulatorForApp } from "@/tests/fixtures/outbox-env";

vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

const { sim, control } = await startSimulatorForApp({ env: { TRIBEDESK_DRAIN_LISTENER: "1" } });
const { db } = await import("@/lib/db");
const { isListening } = await import("@/lib/outbox/local-drain");
const { startDrainListener, stopDrainListener } = await import("@/lib/outbox/listener");
const { connectMerchant, receiveOrder, requestStatus } = await import("@/tests/fixtures/outbox");

afterAll(async () => {
  stopDrainListener();
  await sim.stop();
});

async function within<T>(ms: number, read: () => Promise<T>, done: (value: T) => boolean): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (done(await read())) return Date.now() - started;
    if (Date.now() - started > ms) throw new Error(`not done within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("the embedded listener", () => {
  it("verifies a webhook's order within a second of the ack, with no cron and no request", async () => {
    startDrainListener();
    await within(5_000, async () => isListening(), Boolean);
    const merchant = await connectMerchant(control, "Listener");
    // The webhook route's after() only NOTIFYs now; the listener does the work. Timed from the ack.
    const { order } = await receiveOrder(control, merchant, { settle: false });
    const waited = await within(
      10_000,
      () => db.order.findUniqueOrThrow({ where: { id: order.id } }),
      (row) => row.verification === "verified",
    );
    // Well inside the listener's 30 s fallback sleep: it was the NOTIFY that started the drain
    // (about 100 ms on an idle machine; seconds only when the machine is saturated).
    expect(waited).toBeLessThan(5_000);
    // The run is recorded when it ends, just after its writes.
    await within(
      5_000,
      () => db.drainRun.count({ where: { trigger: "listener", done: { gt: 0 } } }),
      (count) => count > 0,
    );
  });

  it("sends a status push as soon as its undo window ends, timed by the next due message", async () => {
    const merchant = await connectMerchant(control, "Undo");
    const { order, simOrder } = await receiveOrder(control, merchant);
    await requestStatus(order, "processing", { availableNow: false }); // due in UNDO_WINDOW_MS (5 s)
    const { wakeOutbox } = await import("@/lib/outbox/wake");
    await wakeOutbox(merchant.store.id);
    const waited = await within(
      9_000,
      async () => (await control.statusChanges({ orderId: simOrder.id })).statusChanges.length,
      (count) => count === 1,
    );
    // Not before the undo window, not long after it.
    expect(waited).toBeGreaterThan(3_500);
    await within(
      2_000,
      () => db.order.findUniqueOrThrow({ where: { id: order.id } }),
      (row) => row.sync === "synced",
    );
  }, 20_000);
});
