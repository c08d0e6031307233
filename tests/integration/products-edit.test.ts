// Edits from Tribedesk reach TribeMade through the outbox after the undo window: stock (through the
// ledger, after the orders' changes queued before it), prices and visibility; Undo inside the
// window sends nothing; TribeMade's 400 is shown in its own words; the "hide at 0" rule hides a
// product whose stock reaches 0 and shows it again when restocked; and a conflict is explained.
import { afterAll, describe, expect, it, vi } from "vitest";
import { startSimulatorForApp } from "@/tests/fixtures/outbox-env";

vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

const { sim, control } = await startSimulatorForApp();
const { db } = await import("@/lib/db");
const mutations = await import("@/lib/products/mutations");
const { drainUntilSettled } = await import("@/tests/fixtures/outbox");
const { productMerchant, productRow, receiveProductOrder, simStock } = await import("@/tests/fixtures/products");

afterAll(() => sim.stop());

type Merchant = Awaited<ReturnType<typeof productMerchant>>;
const owner = (m: Merchant) => ({ user: m.user, store: m.store, role: "owner" as const });

async function known(merchant: Merchant) {
  await receiveProductOrder(control, merchant, 1);
  await drainUntilSettled(merchant.store.id);
  return productRow(merchant.store.id, merchant.simProduct.id);
}

/** Makes the queued edits due now (the undo window is five seconds). */
async function skipUndoWindow(storeId: string) {
  await db.outboxMessage.updateMany({ where: { storeId, status: "pending" }, data: { availableAt: new Date() } });
}

async function simProduct(merchant: Merchant) {
  const { products } = await control.getStore(merchant.simStore.id);
  return products.find((p) => p.id === merchant.simProduct.id)!;
}

describe("edits from Tribedesk", () => {
  it("sets stock, prices and visibility at TribeMade once the undo window has passed", async () => {
    const merchant = await productMerchant(control, { keeper: "tribedesk", stock: 10 });
    const product = await known(merchant);
    expect(product.stock).toBe(9);

    const stock = await mutations.requestStockSet(owner(merchant), product.id, 25, 9);
    expect(Date.parse(stock.sendAfter)).toBeGreaterThan(Date.now());
    await mutations.requestProductEdits(owner(merchant), [product.id], { price: 1599, currentPrice: 1199, isActive: false });
    // Nothing leaves inside the window.
    await drainUntilSettled(merchant.store.id, { timeoutMs: 1_000 }).catch(() => undefined);
    expect(await simStock(control, merchant.simStore.id, merchant.simProduct.id)).toBe(9);

    await skipUndoWindow(merchant.store.id);
    await drainUntilSettled(merchant.store.id);
    expect(await simProduct(merchant)).toMatchObject({ stock: 25, origional_price: 1599, current_price: 1199, is_active: false });
    const row = await productRow(merchant.store.id, merchant.simProduct.id);
    expect(row).toMatchObject({ stock: 25, isActive: false });
    expect(row.currentPrice?.toString()).toBe("1199");
    const events = await db.productEvent.findMany({ where: { productId: product.id }, orderBy: { id: "asc" } });
    const set = events.find((e) => e.type === "stock_changed" && (e.data as { change: string }).change === "set");
    expect(set).toMatchObject({ actor: merchant.user.name, data: { before: 9, after: 25, why: "set by hand" } });
    expect(events.some((e) => e.type === "edited")).toBe(true);
  });

  it("undoes inside the window: nothing is sent", async () => {
    const merchant = await productMerchant(control, { keeper: "tribedesk", stock: 10 });
    const product = await known(merchant);
    const queued = await mutations.requestStockSet(owner(merchant), product.id, 3, null);
    await mutations.undoProductEdit(owner(merchant), product.id, queued.requestEventId);
    await skipUndoWindow(merchant.store.id);
    await drainUntilSettled(merchant.store.id);
    expect(await simStock(control, merchant.simStore.id, merchant.simProduct.id)).toBe(9);
    expect(await db.stockLedger.count({ where: { productId: product.id, change: "set" } })).toBe(0);
    await expect(mutations.undoProductEdit(owner(merchant), product.id, queued.requestEventId)).rejects.toThrow(/Too late/);
  });

  it("refuses a stock change made after someone else's with a clear conflict", async () => {
    const merchant = await productMerchant(control, { keeper: "tribedesk", stock: 10 });
    const product = await known(merchant);
    await expect(mutations.requestStockSet(owner(merchant), product.id, 5, 10)).rejects.toThrow(/changed to 9 since you opened/);
  });

  it("shows TribeMade's 400 in its own words", async () => {
    const merchant = await productMerchant(control, { stock: 10 });
    const product = await known(merchant);
    // A price TribeMade refuses (our form checks > 0 too; the outbox must still say TribeMade's words).
    await mutations.requestProductEdits(owner(merchant), [product.id], { price: -1 });
    await skipUndoWindow(merchant.store.id);
    await drainUntilSettled(merchant.store.id);
    const failed = await db.productEvent.findFirstOrThrow({ where: { productId: product.id, type: "edit_failed" } });
    expect(failed.data).toMatchObject({ httpStatus: 400, error: "price must be > 0" });
  });
});

describe("the hide at 0 rule", () => {
  it("hides a product whose stock reaches 0 and shows it again when restocked", async () => {
    const merchant = await productMerchant(control, { keeper: "tribedesk", stock: 2 });
    await db.store.update({ where: { id: merchant.store.id }, data: { hideAtZero: true } });
    await receiveProductOrder(control, merchant, 2);
    await drainUntilSettled(merchant.store.id);
    expect(await simProduct(merchant)).toMatchObject({ stock: 0, is_active: false });
    const product = await productRow(merchant.store.id, merchant.simProduct.id);
    expect(product).toMatchObject({ stock: 0, isActive: false, hiddenAtZero: true });

    await mutations.requestStockSet(owner(merchant), product.id, 8, 0);
    await skipUndoWindow(merchant.store.id);
    await drainUntilSettled(merchant.store.id);
    expect(await simProduct(merchant)).toMatchObject({ stock: 8, is_active: true });
    const types = (await db.productEvent.findMany({ where: { productId: product.id }, orderBy: { id: "asc" } })).map(
      (e) => e.type,
    );
    expect(types.filter((t) => t === "low_stock" || t === "restocked")).toEqual(["low_stock", "restocked"]);
  });
});
