// A drainer killed (SIGKILL, a real process) right after its stock PUT reached TribeMade and before
// it wrote anything: the ledger row is left "sending"; the next drainer, once the leases expire,
// reads the product, finds TribeMade already at the sent stock, and records it applied. TribeMade's
// stock changed once.
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { startSimulatorForApp } from "@/tests/fixtures/outbox-env";

vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

const { sim, control } = await startSimulatorForApp();
const { db } = await import("@/lib/db");
const { drainUntilSettled } = await import("@/tests/fixtures/outbox");
const { everythingButTheStockPut, insertProductOrder, productMerchant, productRow, simStock } =
  await import("@/tests/fixtures/products");

afterAll(() => sim.stop());

const root = path.resolve(import.meta.dirname, "../..");
const LEASE_MS = 1_500;

/** A child drainer that hangs after its second call (the product read, then the PUT); resolves with a way to kill it. */
function drainerThatPuts(storeId: string): Promise<{ kill: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    [path.join(root, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", "tests/fixtures/drain-child.ts"],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_OPTIONS: "",
        DRAIN_STORE_ID: storeId,
        DRAIN_LEASE_MS: String(LEASE_MS),
        DRAIN_HANG_AFTER_CALLS: "2",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => void (errors += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the child never called TribeMade:\n${errors}`)), 20_000);
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

describe("a drainer killed after its stock PUT", () => {
  it("leaves exactly one stock change at TribeMade and the ledger row applied", async () => {
    const merchant = await productMerchant(control, { keeper: "tribedesk", stock: 10, label: "Crash" });
    await insertProductOrder(control, merchant, 3);
    await everythingButTheStockPut(merchant);

    const child = await drainerThatPuts(merchant.store.id);
    await child.kill();
    expect(await simStock(control, merchant.simStore.id, merchant.simProduct.id)).toBe(7);
    const [stuck] = await db.stockLedger.findMany({ where: { storeId: merchant.store.id } });
    expect(stuck).toMatchObject({ state: "sending", stockBefore: 10, stockAfter: 7 });

    await new Promise((resolve) => setTimeout(resolve, LEASE_MS + 200));
    await drainUntilSettled(merchant.store.id, { housekeeping: false, config: { leaseMs: LEASE_MS } });

    expect(await simStock(control, merchant.simStore.id, merchant.simProduct.id)).toBe(7);
    const puts = (await control.requests({ storeId: merchant.simStore.id })).requests.filter(
      (r) => r.method === "PUT" && r.path.startsWith("/api/products/"),
    );
    expect(puts).toHaveLength(1);
    expect(await db.stockLedger.findUniqueOrThrow({ where: { id: stuck!.id } })).toMatchObject({ state: "applied" });
    const product = await productRow(merchant.store.id, merchant.simProduct.id);
    expect(product.stock).toBe(7);
    const event = await db.productEvent.findFirstOrThrow({ where: { productId: product.id, type: "stock_changed" } });
    expect(event.data).toMatchObject({ before: 10, after: 7, alreadyApplied: true });
  });
});
