// Drains started in this process are coalesced per store (lib/outbox/local-drain.ts). Under a
// stream of wake-ups the drain loop runs as long as the stream; a caller must still be answered
// after the next pass, or every webhook's after() callback stays in memory until the stream ends.
import { afterAll, describe, expect, it } from "vitest";
import { startSimulatorForApp } from "@/tests/fixtures/outbox-env";

const { sim, control } = await startSimulatorForApp();
const { drainHere } = await import("@/lib/outbox/local-drain");
const { connectMerchant } = await import("@/tests/fixtures/outbox");

afterAll(() => sim.stop());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("drainHere", () => {
  it("answers a caller once the next pass is done, while a stream of wake-ups keeps the drain running", async () => {
    const merchant = await connectMerchant(control, "Stream");
    const storeId = merchant.store.id;
    const first = drainHere("wake", storeId, false);
    const stream = setInterval(() => void drainHere("wake", storeId, false), 50);
    const streamEnds = sleep(3_000).then(() => clearInterval(stream));
    await sleep(100);

    const started = Date.now();
    await drainHere("wake", storeId, false);
    const waited = Date.now() - started;
    // One pass at most every 200 ms: the current one, then the one that saw this call.
    expect(waited).toBeLessThan(1_500);

    await streamEnds;
    await first; // the caller that started the loop is answered when it ends
  });
});
