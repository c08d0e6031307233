import { beforeAll, describe, expect, it } from "vitest";

// The customers list's search among many stores (issue 27, as search-plans-stores.test.ts for the
// orders feed): 150 stores of 400 customers and one of 20,000, all from the same 400 names (the
// large store has each 50 times), so a whole name matches customers in every store. The search in
// the large store runs through EXPLAIN (ANALYZE, BUFFERS) with the statement the route sends (in a
// small store the planner rightly walks its 400 customers instead). The name index must return
// that store's matches only: the trigram indexes carry "storeId" beside the trigrams (migration
// 20261208010000), where the trigram-only one returned every store's. The email and phone indexes
// have the same shape; on this data the planner walks the sort index for those searches, with the
// old indexes as with the new.

const { db } = await import("@/lib/db");
const { customerPageSql } = await import("@/lib/customers/list-sql");
const { customerListQuerySchema } = await import("@/lib/customers/schemas");
const { explainStatement, planNodes } = await import("@/tests/fixtures/delivery-page-plan");

type PlanNode = import("@/tests/fixtures/delivery-page-plan").PlanNode;

const SMALL_STORES = 150;
let large = "";

/** `count` customers in each of `stores`; customer g has one of 20 × 20 names, and an email and phone from g. */
async function seedCustomers(stores: string[], count: number) {
  await db.$executeRaw`
    INSERT INTO "Customer" ("storeId", key, "phoneKey", name, email, phone, "orderCount", "totalSpent", "firstOrderAt", "lastOrderAt")
    SELECT s.id, 'p:' || p.digits, p.digits,
      (ARRAY['Kavya','Arjun','Meera','Rohan','Ananya','Vikram','Isha','Karan','Priya','Aditya',
             'Sneha','Rahul','Diya','Nikhil','Pooja','Sahil','Tara','Varun','Nisha','Dev'])[1 + g % 20] || ' ' ||
      (ARRAY['Iyer','Pillai','Sharma','Reddy','Nair','Gupta','Menon','Das','Rao','Joshi',
             'Kulkarni','Bose','Singh','Patel','Shah','Kapoor','Mehta','Verma','Chopra','Naidu'])[1 + (g / 20) % 20],
      'buyer' || g || '@example.in', p.digits, 1 + g % 7, 100 * g, now() - interval '30 days', now() - g * interval '1 hour'
    FROM unnest(${stores}::uuid[]) s(id)
    CROSS JOIN generate_series(0, ${count - 1}::int) g
    CROSS JOIN LATERAL (SELECT '98450' || lpad(g::text, 5, '0') AS digits) p`;
}

beforeAll(async () => {
  const stores = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO "Store" (name) SELECT 'Customers store ' || g FROM generate_series(0, ${SMALL_STORES}::int) g RETURNING id`;
  large = stores[0]!.id;
  await seedCustomers(
    stores.slice(1).map((store) => store.id),
    400,
  );
  await seedCustomers([large], 20_000);
  await db.$executeRawUnsafe(`ANALYZE "Customer"`);
}, 120_000);

/** Rows the search's index lookups returned (times their loops), and the index names the plan used. */
function searchIndexRows(plan: PlanNode) {
  const lookups = planNodes(plan).filter((node) => node["Index Name"]?.startsWith("Customer_storeId_") ?? false);
  return {
    rows: lookups.reduce((sum, node) => sum + (node["Actual Rows"] ?? 0) * (node["Actual Loops"] ?? 1), 0),
    indexes: new Set(lookups.map((node) => node["Index Name"])),
  };
}

async function count(where: string, value: string, store: string | null) {
  const [row] = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM "Customer" WHERE ${where} AND ($2::uuid IS NULL OR "storeId" = $2::uuid)`,
    value,
    store,
  );
  return row!.n;
}

const NAME = "Meera Pillai";
const NAME_WHERE = "name ILIKE '%' || $1 || '%'";

async function nameSearch() {
  const { plan, ms } = await explainStatement(customerPageSql(large, customerListQuerySchema.parse({ q: NAME, sort: "orders" })));
  return { ms, ...searchIndexRows(plan), inStore: await count(NAME_WHERE, NAME, large) };
}

describe("a whole name common to every store, in the large store", () => {
  it("reads that store's matches only", async () => {
    const { ms, rows, indexes, inStore } = await nameSearch();
    const everywhere = await count(NAME_WHERE, NAME, null);
    console.log(
      `customers "${NAME}": ${ms.toFixed(2)} ms; ${[...indexes].join(", ")} returned ${rows} rows for ${inStore} (${everywhere} in every store)`,
    );
    // The premise: most matches are other stores'.
    expect(everywhere).toBeGreaterThan(3 * inStore);
    expect(indexes).toContain("Customer_storeId_name_idx");
    expect(rows).toBeLessThanOrEqual(inStore + 2);
  });

  it("the test would notice: the name-only trigram index returns every store's matches", async () => {
    await db.$executeRawUnsafe(`DROP INDEX "Customer_storeId_name_idx"`);
    await db.$executeRawUnsafe(`CREATE INDEX "Customer_name_only_idx" ON "Customer" USING GIN (name gin_trgm_ops)`);
    try {
      const { plan } = await explainStatement(customerPageSql(large, customerListQuerySchema.parse({ q: NAME, sort: "orders" })));
      const lookups = planNodes(plan).filter((node) => node["Index Name"] === "Customer_name_only_idx");
      const rows = lookups.reduce((sum, node) => sum + (node["Actual Rows"] ?? 0) * (node["Actual Loops"] ?? 1), 0);
      expect(rows).toBeGreaterThan(3 * (await count(NAME_WHERE, NAME, large)));
    } finally {
      await db.$executeRawUnsafe(`DROP INDEX "Customer_name_only_idx"`);
      await db.$executeRawUnsafe(
        `CREATE INDEX "Customer_storeId_name_idx" ON "Customer" USING GIN ("storeId", name gin_trgm_ops)`,
      );
    }
  });
});
