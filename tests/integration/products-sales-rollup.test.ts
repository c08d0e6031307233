// ProductSalesDay (migration 20261207120000_product_sales) is what /products sorts and sums by: kept
// by triggers on "Order". After every kind of write an order sees — ingest's unverified insert, a
// batch of verifications in one statement, not-found, a cancellation and its undo, an insert that
// arrives verified, an unrelated column, a deletion — it must equal the same aggregate read from the
// orders directly, and the list and the product page's chart must show it.
import { describe, expect, it } from "vitest";

const { db, pgPool } = await import("@/lib/db");
const { listProducts } = await import("@/lib/products/queries");
const { getProductPage } = await import("@/lib/products/product-page");
const { createMerchant } = await import("@/tests/fixtures/auth-merchants");

const HOUR = 3_600_000;

async function insertOrder(storeId: string, productId: string, quantity: number, amount: number, receivedAt: Date, extra = {}) {
  const order = await db.order.create({
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
      receivedAt,
      ...extra,
    },
    select: { id: true },
  });
  return order.id;
}

/** The rollup's non-zero rows and the same figures straight from the orders, both sorted. */
async function rollupAndDirect(storeId: string) {
  const [rollup, direct] = await Promise.all([
    pgPool.query(
      `SELECT "productId", day::text, units, revenue::text FROM "ProductSalesDay"
       WHERE "storeId" = $1::uuid AND (units <> 0 OR revenue <> 0) ORDER BY 1, 2`,
      [storeId],
    ),
    pgPool.query(
      `SELECT "productId", (("receivedAt" AT TIME ZONE 'Asia/Kolkata')::date)::text AS day, sum(quantity)::int AS units,
         sum(amount)::text AS revenue
       FROM "Order" WHERE "storeId" = $1::uuid AND "productId" IS NOT NULL AND status <> 'cancelled'
         AND verification IN ('verified', 'mismatch')
       GROUP BY 1, 2 ORDER BY 1, 2`,
      [storeId],
    ),
  ]);
  return { rollup: rollup.rows, direct: direct.rows };
}

describe("ProductSalesDay", () => {
  it("matches a direct aggregate of the orders after every kind of write", async () => {
    const merchant = await createMerchant("Rollup");
    const storeId = merchant.store.id;
    const now = Date.now();
    // 18:29 and 18:31 UTC are two India days (IST is UTC+5:30): the rollup's day is India's.
    const midnightIst = new Date(now - 2 * 24 * HOUR);
    midnightIst.setUTCHours(18, 30, 0, 0);
    const before = new Date(midnightIst.getTime() - 60_000);
    const after = new Date(midnightIst.getTime() + 60_000);

    // Ingest: unverified orders count for nothing yet.
    const ids = [
      await insertOrder(storeId, "kurta", 2, 2598, before),
      await insertOrder(storeId, "kurta", 1, 1299, after),
      await insertOrder(storeId, "mug", 3, 1197, after),
      await insertOrder(storeId, "mug", 1, 399, new Date(now - HOUR)),
      await insertOrder(storeId, "diya", 4, 996, new Date(now - HOUR)),
      await insertOrder(storeId, "diya", 5, 1245, new Date(now - 40 * 24 * HOUR)),
    ];
    await insertOrder(storeId, "mug", 7, 2793, new Date(now - HOUR), { productId: null });
    expect((await rollupAndDirect(storeId)).rollup).toEqual([]);

    // A batch of verifications in one statement, as the drain writes them; one not found, one mismatch.
    await pgPool.query(
      `UPDATE "Order" o SET verification = v.verification::"Verification"
       FROM unnest($1::uuid[], $2::text[]) AS v(id, verification) WHERE o.id = v.id`,
      [ids, ["verified", "verified", "mismatch", "verified", "not_found", "verified"]],
    );
    let state = await rollupAndDirect(storeId);
    expect(state.rollup.length).toBe(5);
    expect(state.rollup).toEqual(state.direct);

    // A cancellation, its undo, a cancellation that stays; a column sales do not depend on.
    await db.order.update({ where: { id: ids[1]! }, data: { status: "cancelled" } });
    await db.order.update({ where: { id: ids[1]! }, data: { status: "processing" } });
    await db.order.update({ where: { id: ids[3]! }, data: { status: "cancelled" } });
    await db.order.updateMany({ where: { storeId }, data: { printedAt: new Date() } });
    state = await rollupAndDirect(storeId);
    expect(state.rollup).toEqual(state.direct);
    expect(state.rollup.find((row) => row.productId === "mug" && row.units === 1)).toBeUndefined();

    // Arriving verified ("Add missing orders"), then deleted.
    const added = await insertOrder(storeId, "kurta", 6, 7794, new Date(now - HOUR), { verification: "verified" });
    expect((await rollupAndDirect(storeId)).rollup).toEqual((await rollupAndDirect(storeId)).direct);
    await db.order.delete({ where: { id: added } });
    state = await rollupAndDirect(storeId);
    expect(state.rollup).toEqual(state.direct);

    // The list shows the rollup's 7- and 30-day figures (the 40-day-old diya is outside both).
    const member = { user: merchant.user, store: merchant.store, role: "owner" as const };
    await db.product.createMany({
      data: ["kurta", "mug", "diya"].map((id) => ({ storeId, tribemadeProductId: id, name: id })),
    });
    const list = await listProducts(member, { q: "", sort: "sales", filter: "all" });
    expect(list.rows.map((row) => [row.name, row.units7, row.units30, row.revenue30])).toEqual([
      ["kurta", 3, 3, "3897.00"],
      ["mug", 3, 3, "1197.00"],
      ["diya", 0, 0, "0"],
    ]);
    // The product page's chart reads the same rollup: kurta's 3 units on their two India days.
    const kurta = await getProductPage(member, list.rows[0]!.id);
    const chart = kurta!.days.filter((day) => day.units > 0);
    expect(chart).toEqual(
      state.direct.filter((row) => row.productId === "kurta").map((row) => ({ day: row.day, units: row.units })),
    );
    expect(chart.map((day) => day.units)).toEqual([2, 1]);
  });
});
