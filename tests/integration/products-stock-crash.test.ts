// A drainer killed (SIGKILL, a real process) right after its stock PUT reached TribeMade and before
// it wrote anything: the ledger row is left "sending"; the next drainer, once the leases expire,
// reads the product, finds TribeMade already at the sent stock, and records it applied. TribeMade's
// stock changed once.
import { afterAll, describe, expect, it, vi } from "vitest";
import { startDrainChild } from "@/tests/fixtures/drain-child-process";
import { startSimulatorForApp } from "@/tests/fixtures/outbox-env";

vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

const { sim, control } = await startSimulatorForApp();
const { db } = await import("@/lib/db");
const { drainUntilSettled } = await import("@/tests/fixtures/outbox");
const { everythingButTheStockPut, insertProductOrder, productMerchant, productRow, simStock } =
  await import("@/tests/fixtures/products");

afterAll(() => sim.stop());

const LEASE_MS = 1_500;

describe("a drainer killed after its stock PUT", () => {
  it("leaves exactly one stock change at TribeMade and the ledger row applied", async () => {
    const merchant = await productMerchant(control, { keeper: "tribedesk", stock: 10, label: "Crash" });
    await insertProductOrder(control, merchant, 3);
    await everythingButTheStockPut(merchant);

    const child = await startDrainChild(merchant.store.id, { leaseMs: LEASE_MS, hangAfterCalls: 2 });
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
  }, 120_000);
});
