// A rate-budget slot the claim took for a message that then made no call from that bucket goes
// back to the window that counted it, and only to that window: one product's stock changes that
// wait for each other's lease, or for a product read, cost none of the store's 20 edits a minute.
import { afterAll, describe, expect, it, vi } from "vitest";
import { startSimulatorForApp } from "@/tests/fixtures/outbox-env";

vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

const { sim, control } = await startSimulatorForApp();
const { db } = await import("@/lib/db");
const { returnSlots, takeSlots } = await import("@/lib/outbox/budget");
const { bucketLimits } = await import("@/lib/outbox/limits");
const { drainUntilSettled } = await import("@/tests/fixtures/outbox");
const { insertProductOrder, productMerchant, simStock } = await import("@/tests/fixtures/products");

afterAll(() => sim.stop());

async function used(storeId: string) {
  const rows = await db.rateBudget.findMany({ where: { storeId } });
  return Object.fromEntries(rows.map((row) => [row.bucket, row.used]));
}

describe("unspent slots", () => {
  it("go back to the window that counted them, never below 0, never to a later window", async () => {
    const merchant = await productMerchant(control, { label: "Slots" });
    const storeId = merchant.store.id;
    const config = { windowMs: 60_000, limits: bucketLimits() };
    const grant = await takeSlots(storeId, "product_edit", 3, config);
    expect(grant).toMatchObject({ granted: 3, opensAt: null });
    await returnSlots(storeId, "product_edit", 2, grant.windowStart!);
    expect((await used(storeId)).product_edit).toBe(1);
    await returnSlots(storeId, "product_edit", 5, grant.windowStart!);
    expect((await used(storeId)).product_edit).toBe(0);

    // A window that has moved on keeps its own count.
    await takeSlots(storeId, "product_edit", 2, config);
    await returnSlots(storeId, "product_edit", 2, new Date(grant.windowStart!.getTime() - 60_000));
    expect((await used(storeId)).product_edit).toBe(2);
  });

  it("charge one product's queued stock changes only for the calls TribeMade saw", async () => {
    const merchant = await productMerchant(control, { keeper: "tribedesk", stock: 40, label: "Slots drain" });
    for (const quantity of [1, 2, 3, 4, 5]) await insertProductOrder(control, merchant, quantity);
    await drainUntilSettled(merchant.store.id, { housekeeping: false });
    expect(await simStock(control, merchant.simStore.id, merchant.simProduct.id)).toBe(25);

    const { requests } = await control.requests({ storeId: merchant.simStore.id });
    const productPath = `/api/products/${merchant.simProduct.id}`;
    const puts = requests.filter((r) => r.method === "PUT" && r.path === `${productPath}/edit`).length;
    const reads = requests.filter((r) => r.method === "GET" && r.path === productPath).length;
    const budget = await used(merchant.store.id);
    expect(puts).toBeGreaterThanOrEqual(1);
    expect(budget.product_edit).toBe(puts);
    expect(budget.product_get).toBe(reads);
  });
});
