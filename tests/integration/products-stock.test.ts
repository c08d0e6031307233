// "Tribedesk keeps stock" against the simulator over HTTP: each verified order lowers its product's
// stock at TribeMade once, a cancellation raises it again, stock never goes below 0, and a stock
// change is never applied twice — not after a 5xx that came after TribeMade applied it, not after
// a timeout, not when a drainer dies right after its PUT (tests/integration/products-stock-crash.test.ts).
import { afterAll, describe, expect, it, vi } from "vitest";
import { startSimulatorForApp } from "@/tests/fixtures/outbox-env";

vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

const { sim, control } = await startSimulatorForApp();
const { db } = await import("@/lib/db");
const { runDrain } = await import("@/lib/outbox/drain");
const { applyStatusChanges } = await import("@/lib/orders/status-change");
const { drainUntilSettled } = await import("@/tests/fixtures/outbox");
const { everythingButTheStockPut, insertProductOrder, productMerchant, productRow, receiveProductOrder, simStock } =
  await import("@/tests/fixtures/products");

afterAll(() => sim.stop());

type Merchant = Awaited<ReturnType<typeof productMerchant>>;

async function cancel(merchant: Merchant, orderId: string) {
  await db.$transaction((tx) =>
    applyStatusChanges(tx, {
      storeId: merchant.store.id,
      actor: { userId: null, name: "Asha" },
      requests: [{ orderId, expectedVersion: null, status: "cancelled", trackingUrl: null }],
      source: "button",
      availableAt: new Date(),
    }),
  );
}

async function productPuts(merchant: Merchant) {
  const { requests } = await control.requests({ storeId: merchant.simStore.id });
  return requests.filter((r) => r.method === "PUT" && r.path === `/api/products/${merchant.simProduct.id}/edit`);
}

async function ledger(merchant: Merchant) {
  return db.stockLedger.findMany({ where: { storeId: merchant.store.id }, orderBy: { id: "asc" } });
}

describe("Tribedesk keeps stock", () => {
  it("lowers the stock by each verified order's quantity, once, and raises it on a cancellation", async () => {
    const merchant = await productMerchant(control, { keeper: "tribedesk", stock: 10 });
    const first = await receiveProductOrder(control, merchant, 1);
    await receiveProductOrder(control, merchant, 2);
    await drainUntilSettled(merchant.store.id);
    expect(await simStock(control, merchant.simStore.id, merchant.simProduct.id)).toBe(7);
    expect((await productRow(merchant.store.id, merchant.simProduct.id)).stock).toBe(7);

    await cancel(merchant, first.order.id);
    await drainUntilSettled(merchant.store.id);
    expect(await simStock(control, merchant.simStore.id, merchant.simProduct.id)).toBe(8);

    const rows = await ledger(merchant);
    expect(rows.map((r) => [r.change, r.quantity, r.state])).toEqual([
      ["sale", 1, "applied"],
      ["sale", 2, "applied"],
      ["restock", 1, "applied"],
    ]);
    const product = await productRow(merchant.store.id, merchant.simProduct.id);
    expect(product.stock).toBe(8);
    const changes = await db.productEvent.findMany({
      where: { productId: product.id, type: "stock_changed" },
      orderBy: { id: "asc" },
    });
    expect(changes.map((e) => [e.actor, (e.data as { why: string }).why])).toEqual([
      ["Order", "sale"],
      ["Order", "sale"],
      ["Cancellation", "cancellation"],
    ]);
    expect(changes.at(-1)!.data).toMatchObject({ before: 7, after: 8, clamped: false, orderId: first.order.id });

    // The edit budget is the product's own: three PUTs there, nothing spent from status changes by stock.
    // (Two sales recorded before the first was sent go out as one PUT: 2 or 3 PUTs in all.)
    const budgets = await db.rateBudget.findMany({ where: { storeId: merchant.store.id } });
    const used = Object.fromEntries(budgets.map((b) => [b.bucket, b.used]));
    const puts = (await productPuts(merchant)).length;
    expect([2, 3]).toContain(puts);
    expect(used.product_edit).toBe(puts);
    expect(used.order_status).toBe(1); // the cancellation's own push
  });

  it("clamps at 0 and says so on the timeline", async () => {
    const merchant = await productMerchant(control, { keeper: "tribedesk", stock: 1 });
    await receiveProductOrder(control, merchant, 3);
    await drainUntilSettled(merchant.store.id);
    expect(await simStock(control, merchant.simStore.id, merchant.simProduct.id)).toBe(0);
    const [row] = await ledger(merchant);
    expect(row).toMatchObject({ state: "applied", stockBefore: 1, stockAfter: 0, clamped: true });
    const product = await productRow(merchant.store.id, merchant.simProduct.id);
    const event = await db.productEvent.findFirstOrThrow({ where: { productId: product.id, type: "stock_changed" } });
    expect(event.data).toMatchObject({ before: 1, after: 0, clamped: true });
    // At or below the store's threshold (5): one low-stock alert.
    expect(await db.productEvent.count({ where: { productId: product.id, type: "low_stock" } })).toBe(1);
    expect(product.lowStockSince).toBeInstanceOf(Date);
  });

  it("restocks nothing for an order whose sale was never recorded (TribeMade kept stock then)", async () => {
    const merchant = await productMerchant(control, { keeper: "tribedesk", stock: 10 });
    await db.store.update({ where: { id: merchant.store.id }, data: { stockKeeper: "tribemade" } });
    const { order } = await receiveProductOrder(control, merchant, 2);
    await drainUntilSettled(merchant.store.id);
    await db.store.update({ where: { id: merchant.store.id }, data: { stockKeeper: "tribedesk" } });
    await cancel(merchant, order.id);
    await drainUntilSettled(merchant.store.id);
    expect(await simStock(control, merchant.simStore.id, merchant.simProduct.id)).toBe(10);
    expect(await ledger(merchant)).toEqual([]);
    expect(await productPuts(merchant)).toEqual([]);
  });
});

describe("never twice", () => {
  /** Drains once, failing TribeMade's answer to the product PUT with `fault` (TribeMade applied it). */
  async function drainWithLostAnswer(merchant: Merchant, fault: "5xx" | "timeout") {
    await runDrain({
      trigger: "cron",
      storeId: merchant.store.id,
      housekeeping: false,
      // The retry waits a minute, so this drain ends with the rows still "sending"; the caller makes it due.
      config: { timeoutMs: 800, backoff: { baseMs: 60_000, capMs: 60_000 } },
      afterCall: async () => {
        const { requests } = await control.requests({ storeId: merchant.simStore.id });
        const last = requests.at(-1);
        // After the product read, arm the fault for the PUT that follows; after the PUT, clear it.
        if (last?.method === "GET" && last.path.startsWith("/api/products/")) {
          await control.setFaults({
            storeId: merchant.simStore.id,
            ...(fault === "5xx"
              ? { error5xx: { rate: 1, status: 502, phase: "after" } }
              : { hang: { ms: 2_000, rate: 1, phase: "after" } }),
          });
        } else {
          await control.clearFaults(merchant.simStore.id);
        }
      },
    });
    await control.clearFaults(merchant.simStore.id);
    expect((await ledger(merchant))[0]).toMatchObject({ state: "sending", stockBefore: 10, stockAfter: 6 });
    await db.outboxMessage.updateMany({
      where: { storeId: merchant.store.id, status: "pending" },
      data: { availableAt: new Date() },
    });
  }

  it.each(["5xx", "timeout"] as const)("reads first after a %s that came after TribeMade applied the PUT", async (fault) => {
    const merchant = await productMerchant(control, { keeper: "tribedesk", stock: 10 });
    await insertProductOrder(control, merchant, 4);
    await everythingButTheStockPut(merchant);
    await drainWithLostAnswer(merchant, fault);
    expect(await simStock(control, merchant.simStore.id, merchant.simProduct.id)).toBe(6);
    // TribeMade applied the PUT, and the drain never learnt it.
    const lost = await db.outboxAttempt.findFirstOrThrow({ where: { storeId: merchant.store.id, method: "PUT" } });
    expect(lost.httpStatus).toBe(fault === "5xx" ? 502 : null);

    await drainUntilSettled(merchant.store.id, { config: { backoff: { baseMs: 20, capMs: 50 } } });
    expect(await simStock(control, merchant.simStore.id, merchant.simProduct.id)).toBe(6);
    expect(await productPuts(merchant)).toHaveLength(1);
    expect((await ledger(merchant))[0]).toMatchObject({ state: "applied", stockAfter: 6 });
    const product = await productRow(merchant.store.id, merchant.simProduct.id);
    expect(product.stock).toBe(6);
    const event = await db.productEvent.findFirstOrThrow({ where: { productId: product.id, type: "stock_changed" } });
    expect(event.data).toMatchObject({ before: 10, after: 6, alreadyApplied: true });
  });

  it("does not send again when TribeMade's stock moved elsewhere after a lost answer, and says so", async () => {
    const merchant = await productMerchant(control, { keeper: "tribedesk", stock: 10 });
    await insertProductOrder(control, merchant, 4);
    await everythingButTheStockPut(merchant);
    await drainWithLostAnswer(merchant, "5xx");
    // Someone restocks in TribeMade's dashboard before the next attempt.
    await fetch(`${sim.url}/api/products/${merchant.simProduct.id}/edit`, {
      method: "PUT",
      headers: { "X-API-Key": merchant.simStore.apiKey, "Content-Type": "application/json" },
      body: JSON.stringify({ stock: 50 }),
    });
    await drainUntilSettled(merchant.store.id, { config: { backoff: { baseMs: 20, capMs: 50 } } });
    expect(await simStock(control, merchant.simStore.id, merchant.simProduct.id)).toBe(50);
    expect((await ledger(merchant))[0]).toMatchObject({ state: "skipped" });
    const product = await productRow(merchant.store.id, merchant.simProduct.id);
    expect(product.stock).toBe(50);
    expect(await db.productEvent.count({ where: { productId: product.id, type: "stock_unclear" } })).toBe(1);
  });
});
