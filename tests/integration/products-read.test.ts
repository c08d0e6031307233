// Products learnt from orders and read from TribeMade over HTTP (the simulator): the first verified
// order of a product reads it once, in the product_get budget, corrected by TribeMade's headers;
// a product TribeMade answers 404 for is marked gone and kept.
import { afterAll, describe, expect, it, vi } from "vitest";
import { startSimulatorForApp } from "@/tests/fixtures/outbox-env";

vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

const { sim, control } = await startSimulatorForApp();
const { db } = await import("@/lib/db");
const { readProductRow } = await import("@/lib/products/outbox/messages");
const { drainUntilSettled } = await import("@/tests/fixtures/outbox");
const { productMerchant, productRow, receiveProductOrder } = await import("@/tests/fixtures/products");

afterAll(() => sim.stop());

describe("products learnt from orders", () => {
  it("reads a product after its first verified order (once per 10 minutes) and keeps TribeMade's fields", async () => {
    const merchant = await productMerchant(control);
    await receiveProductOrder(control, merchant, 1);
    await drainUntilSettled(merchant.store.id);
    await receiveProductOrder(control, merchant, 2);
    await drainUntilSettled(merchant.store.id);

    const product = await productRow(merchant.store.id, merchant.simProduct.id);
    expect(product).toMatchObject({
      name: "Handloom Cotton Kurta",
      stock: 9, // read after the first order (TribeMade keeps stock here: 10 - 1); the second is in the same slot
      isActive: true,
      variations: ["Regular Fit", "Slim Fit"],
      sizes: ["S", "M", "L"],
      colors: ["Indigo", "White"],
      internalNote: "Shelf B2",
      goneAt: null,
    });
    expect(product.mrp?.toString()).toBe("1499");
    expect(product.currentPrice?.toString()).toBe("1299");
    expect(product.shippingCost?.toString()).toBe("49");
    expect(product.image).toMatch(/\/images\/products\/.+\.svg$/);
    expect(product.lastReadAt).toBeInstanceOf(Date);

    // One read for two orders: the second order's read fell in the same 10-minute slot.
    const reads = await db.outboxAttempt.findMany({ where: { storeId: merchant.store.id, kind: "read_product" } });
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({
      method: "GET",
      path: `/api/products/${merchant.simProduct.id}`,
      httpStatus: 200,
      rateLimit: { limit: 50, remaining: 49 },
    });
    const budget = await db.rateBudget.findUniqueOrThrow({
      where: { storeId_bucket: { storeId: merchant.store.id, bucket: "product_get" } },
    });
    expect(budget.used).toBe(1);
    const events = await db.productEvent.findMany({ where: { productId: product.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["read"]);
  });

  it("follows TribeMade's X-RateLimit-Remaining when another client spent the same key", async () => {
    const merchant = await productMerchant(control);
    // Another client with the store's key reads the product 30 times in this window.
    for (let i = 0; i < 30; i++) {
      const response = await fetch(`${sim.url}/api/products/${merchant.simProduct.id}`, {
        headers: { "X-API-Key": merchant.simStore.apiKey },
      });
      expect(response.status).toBe(200);
    }
    await receiveProductOrder(control, merchant, 1);
    await drainUntilSettled(merchant.store.id);
    const budget = await db.rateBudget.findUniqueOrThrow({
      where: { storeId_bucket: { storeId: merchant.store.id, bucket: "product_get" } },
    });
    expect(budget.used).toBe(31);
  });

  it("marks a product TribeMade answers 404 for as gone, and keeps it", async () => {
    const merchant = await productMerchant(control);
    await receiveProductOrder(control, merchant, 1);
    await drainUntilSettled(merchant.store.id);
    const product = await productRow(merchant.store.id, merchant.simProduct.id);
    // Cancel the order at TribeMade so the product may be deleted there, then delete it.
    const orders = await control.listOrders(merchant.simStore.id);
    for (const order of orders.orders) {
      await fetch(`${sim.url}/api/orders/${order.id}/status`, {
        method: "PUT",
        headers: { "X-API-Key": merchant.simStore.apiKey, "Content-Type": "application/json" },
        body: JSON.stringify({ status: "cancelled" }),
      });
    }
    const deleted = await fetch(`${sim.url}/api/products/${merchant.simProduct.id}`, {
      method: "DELETE",
      headers: { "X-API-Key": merchant.simStore.apiKey },
    });
    expect(deleted.status).toBe(200);

    await db.outboxMessage.createMany({
      data: [readProductRow(merchant.store.id, { productId: product.id, tribemadeProductId: product.tribemadeProductId }, "t1")],
    });
    await drainUntilSettled(merchant.store.id);
    const gone = await productRow(merchant.store.id, merchant.simProduct.id);
    expect(gone.goneAt).toBeInstanceOf(Date);
    expect(gone.name).toBe("Handloom Cotton Kurta");
    const events = await db.productEvent.findMany({ where: { productId: product.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["read", "gone"]);
  });

  it("never reads another store's product: TribeMade answers 404 and it is marked gone for this store only", async () => {
    const owner = await productMerchant(control, { label: "Owner" });
    const other = await productMerchant(control, { label: "Other" });
    const [row] = await db.product.createManyAndReturn({
      data: [{ storeId: other.store.id, tribemadeProductId: owner.simProduct.id, name: "Not ours" }],
    });
    await db.outboxMessage.createMany({
      data: [readProductRow(other.store.id, { productId: row!.id, tribemadeProductId: owner.simProduct.id }, "t1")],
    });
    await drainUntilSettled(other.store.id);
    expect((await db.product.findUniqueOrThrow({ where: { id: row!.id } })).goneAt).toBeInstanceOf(Date);
  });
});
