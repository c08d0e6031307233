// The /products list at 10,000 products (issue 23): one store with 10,000 products and 100,000
// orders over 60 days, the list's query (lib/products/queries.ts listProducts) for each sort and
// filter and a search, against a baseline measured in the same run: the plain first page of the
// products table (no sales). One query at a time, round-robin over the cases. A measuring process
// of `npm run bench -- --only=products` (scripts/bench/products.ts; BENCH_ROUNDS, default 40),
// printing one BENCH_RESULT JSON line.
import path from "node:path";
import pg from "pg";
import { freshSecrets } from "../../lib/embedded/fresh-secrets";
import { startEmbeddedPostgres } from "../../lib/embedded/postgres";
import { makeThrowawayDir } from "../../lib/embedded/throwaway-dir";
import { applyMigrations } from "../../lib/migrations/apply";

const PRODUCTS = 10_000;
const ORDERS = 100_000;
const rounds = Number(process.env.BENCH_ROUNDS ?? 40);

export type ProductsListResult = { products: number; orders: number; rounds: number; cases: { label: string; ms: number[] }[] };

async function seed(url: string): Promise<string> {
  const client = new pg.Client(url);
  await client.connect();
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO "Store" (name, "lowStockThreshold") VALUES ('Bench store', 5) RETURNING id::text`,
  );
  const storeId = rows[0]!.id;
  await client.query(
    `INSERT INTO "Product" ("storeId", "tribemadeProductId", name, stock, "isActive", "currentPrice", mrp, "lastReadAt")
     SELECT $1::uuid, 'p-' || i, 'Product ' || i || ' ' || (ARRAY['Kurta','Saree','Mug','Diya','Tote'])[1 + i % 5],
       i % 40, i % 17 <> 0, 100 + i % 900, 150 + i % 900, now()
     FROM generate_series(1, $2::int) AS i`,
    [storeId, PRODUCTS],
  );
  // Sales skewed like a real catalogue: a tenth of the products take most orders.
  await client.query(
    `INSERT INTO "Order" ("storeId", "tribemadeOrderId", status, "customerName", "customerEmail", "customerPhone",
       "customerPincode", amount, quantity, "productId", "receivedAt", payload, verification)
     SELECT $1::uuid, gen_random_uuid(), (ARRAY['started','processing','dispatched','delivered','cancelled'])[1 + i % 5]::"OrderStatus",
       'Customer ' || i, 'c' || i || '@example.in', '98' || lpad(i::text, 8, '0'), '400001', 499, 1 + i % 3,
       'p-' || CASE WHEN i % 4 = 0 THEN 1 + (i * 7919) % $3::int ELSE 1 + (i * 7919) % ($3::int / 10) END,
       now() - (i % (60 * 24)) * interval '1 hour', '{}'::jsonb, 'verified'
     FROM generate_series(1, $2::int) AS i`,
    [storeId, ORDERS, PRODUCTS],
  );
  // What autovacuum does to a table after a bulk load: statistics and the visibility map.
  await client.query(`VACUUM ANALYZE`);
  await client.end();
  return storeId;
}

async function main() {
  const scratch = await makeThrowawayDir("tribedesk-bench-products-");
  const server = await startEmbeddedPostgres({ dataDir: path.join(scratch.dir, "data"), persistent: false });
  scratch.onStop(() => server.stop());
  try {
    await applyMigrations(server.url);
    const storeId = await seed(server.url);
    Object.assign(process.env, freshSecrets(), { DATABASE_URL: server.url });
    const { listProducts } = await import("../../lib/products/queries");
    const { pgPool } = await import("../../lib/db");
    const member = { user: { id: "", name: "", email: "" }, store: { id: storeId, name: "" }, role: "owner" as const };
    const cases: { label: string; run: () => Promise<unknown> }[] = [
      {
        label: "baseline: first page of Product, no sales",
        run: () => pgPool.query(`SELECT * FROM "Product" WHERE "storeId" = $1::uuid ORDER BY name, id LIMIT 200`, [storeId]),
      },
      { label: "list, by name", run: () => listProducts(member, { q: "", sort: "name", filter: "all" }) },
      { label: "list, by stock", run: () => listProducts(member, { q: "", sort: "stock", filter: "all" }) },
      { label: "list, by 30-day sales", run: () => listProducts(member, { q: "", sort: "sales", filter: "all" }) },
      { label: "filter: low stock", run: () => listProducts(member, { q: "", sort: "name", filter: "low" }) },
      { label: "filter: hidden", run: () => listProducts(member, { q: "", sort: "name", filter: "hidden" }) },
      { label: 'search: "saree"', run: () => listProducts(member, { q: "saree", sort: "sales", filter: "all" }) },
    ];
    const times = new Map(cases.map((c) => [c.label, [] as number[]]));
    for (let round = -3; round < rounds; round++) {
      for (const c of cases) {
        const started = performance.now();
        await c.run();
        if (round >= 0) times.get(c.label)!.push(performance.now() - started);
      }
    }
    const result: ProductsListResult = {
      products: PRODUCTS,
      orders: ORDERS,
      rounds,
      cases: cases.map((c) => ({ label: c.label, ms: times.get(c.label)! })),
    };
    process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
    await pgPool.end();
  } finally {
    await scratch.stop();
  }
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
