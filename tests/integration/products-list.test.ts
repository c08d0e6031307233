// The /products list's query (lib/products/queries.ts): units and revenue over 7 and 30 days from
// the orders TribeMade confirmed and not cancelled (the ProductSalesDay rollup), the last order,
// search, sorts and filters, and nothing of another store's.
import { describe, expect, it } from "vitest";

const { db } = await import("@/lib/db");
const { listProducts } = await import("@/lib/products/queries");
const { createMerchant } = await import("@/tests/fixtures/auth-merchants");

const DAY = 86_400_000;

async function order(storeId: string, productId: string, quantity: number, amount: number, daysAgo: number, extra = {}) {
  await db.order.create({
    data: {
      storeId,
      tribemadeOrderId: crypto.randomUUID(),
      customerName: "Meera Iyer",
      customerEmail: "meera@example.in",
      customerPhone: "9876543210",
      customerPincode: "560001",
      amount,
      quantity,
      productId,
      payload: {},
      receivedAt: new Date(Date.now() - daysAgo * DAY),
      verification: "verified",
      ...extra,
    },
  });
}

describe("listProducts", () => {
  it("shows sales, stock states, search, sorts and filters, for the caller's store only", async () => {
    const merchant = await createMerchant("List");
    const other = await createMerchant("Other list");
    const storeId = merchant.store.id;
    await db.product.createMany({
      data: [
        { storeId, tribemadeProductId: "kurta", name: "Indigo Kurta", stock: 12, isActive: true, currentPrice: 1299, mrp: 1499 },
        { storeId, tribemadeProductId: "mug", name: "Name Mug", stock: 3, isActive: true, currentPrice: 399 },
        { storeId, tribemadeProductId: "diya", name: "Brass Diya", stock: 0, isActive: false, currentPrice: 249 },
        { storeId: other.store.id, tribemadeProductId: "kurta", name: "Other Kurta", stock: 1 },
      ],
    });
    await order(storeId, "kurta", 2, 2598, 1);
    await order(storeId, "kurta", 1, 1299, 10);
    await order(storeId, "kurta", 5, 6495, 40); // older than 30 days: only "last order" would see it
    await order(storeId, "kurta", 4, 5196, 2, { status: "cancelled" });
    await order(storeId, "mug", 3, 1197, 3);
    await order(storeId, "mug", 9, 3591, 3, { verification: "not_found" });
    await order(other.store.id, "kurta", 7, 9093, 1);

    const member = { user: merchant.user, store: merchant.store, role: "owner" as const };
    const all = await listProducts(member, { q: "", sort: "name", filter: "all" });
    expect(all.total).toBe(3);
    expect(all.rows.map((row) => row.name)).toEqual(["Brass Diya", "Indigo Kurta", "Name Mug"]);
    const kurta = all.rows.find((row) => row.name === "Indigo Kurta")!;
    expect(kurta).toMatchObject({ units7: 2, revenue7: "2598.00", units30: 3, revenue30: "3897.00", low: false, gone: false });
    expect(Date.now() - kurta.lastOrderAt!.getTime()).toBeLessThan(2.1 * DAY);
    expect(all.rows.find((row) => row.name === "Name Mug")).toMatchObject({ units30: 3, low: true });

    expect((await listProducts(member, { q: "", sort: "sales", filter: "all" })).rows.map((r) => r.name)).toEqual([
      "Indigo Kurta",
      "Name Mug",
      "Brass Diya",
    ]);
    expect((await listProducts(member, { q: "", sort: "stock", filter: "all" })).rows.map((r) => r.stock)).toEqual([0, 3, 12]);
    expect((await listProducts(member, { q: "", sort: "name", filter: "low" })).rows.map((r) => r.name)).toEqual([
      "Brass Diya",
      "Name Mug",
    ]);
    expect((await listProducts(member, { q: "", sort: "name", filter: "out" })).rows.map((r) => r.name)).toEqual(["Brass Diya"]);
    expect((await listProducts(member, { q: "", sort: "name", filter: "hidden" })).rows.map((r) => r.name)).toEqual([
      "Brass Diya",
    ]);
    const search = await listProducts(member, { q: "kurta", sort: "sales", filter: "all" });
    expect(search).toMatchObject({ total: 1, rows: [{ name: "Indigo Kurta" }] });
    // A LIKE wildcard typed into the box is a character, not a pattern.
    expect((await listProducts(member, { q: "%", sort: "name", filter: "all" })).total).toBe(0);
  });
});
