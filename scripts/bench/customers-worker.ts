// The customers benchmark's measuring process (scripts/bench/customers.ts starts it with the
// react-server condition, so lib's server modules load as in the app). Seeds two stores of
// BENCH_ORDERS orders (the second proves every read is scoped by an index), then times the reads
// the customer pages, the repeat-buyer badge and the orders feed make, through lib's own functions,
// one at a time, round-robin over the cases. Prints BENCH_RESULT {cases, facts}.
import pg from "pg";
import type { Member } from "../../lib/auth/require-member";
import { getCustomerOrThrow, listCustomers } from "../../lib/customers/queries";
import { listCustomerNotes } from "../../lib/customers/note-queries";
import { listTags } from "../../lib/customers/tag-queries";
import { db, pgPool } from "../../lib/db";
import { findOrderIds, getOrderOrThrow, getOrderRows, listOrders } from "../../lib/orders/queries";
import { ORDER_PAGE_SIZE } from "../../lib/orders/schemas";
import { seedCustomersStore } from "./customers-seed";

export type CaseGroup = "customer" | "badge" | "feed";
export type CaseTiming = { group: CaseGroup; label: string; baseline: boolean; samples: number[] };
export type CustomersFacts = { orders: number; customers: number; oneTime: number; fiftyPlus: number; largest: number };

const orders = Number(process.env.BENCH_ORDERS ?? 100_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 40);
const warmup = Number(process.env.BENCH_WARMUP ?? 5);

// The feed row as it was before issue 26 (no badge columns, no tags): the ids' statement, then the
// rows through Prisma.
const ROW_SELECT_BEFORE = {
  id: true,
  tribemadeOrderId: true,
  status: true,
  verification: true,
  sync: true,
  syncError: true,
  version: true,
  customerName: true,
  customerPincode: true,
  productId: true,
  productName: true,
  productImage: true,
  quantity: true,
  amount: true,
  trackingUrl: true,
  placedAt: true,
  receivedAt: true,
  updatedAt: true,
  printedAt: true,
} as const;

async function main() {
  const client = new pg.Client(process.env.DATABASE_URL);
  await client.connect();
  const seeded = await seedCustomersStore(client, orders, "alpha");
  await seedCustomersStore(client, orders, "beta");
  const facts = await readFacts(client, seeded.storeId);
  const pick = async (sql: string, ...params: unknown[]) =>
    (await client.query<{ id: string }>(sql, [seeded.storeId, ...params])).rows[0]!.id;
  const oneTime = await pick(`SELECT id FROM "Customer" WHERE "storeId" = $1 AND "orderCount" = 1 ORDER BY id LIMIT 1`);
  const fifty = await pick(`SELECT id FROM "Customer" WHERE "storeId" = $1 ORDER BY abs("orderCount" - 50), id LIMIT 1`);
  const largest = await pick(`SELECT id FROM "Customer" WHERE "storeId" = $1 ORDER BY "orderCount" DESC, id LIMIT 1`);
  // A repeat order a third of the way into the history (an old order's page, not a cached newest one).
  const repeatOrder = await pick(
    `SELECT id FROM "Order" WHERE "storeId" = $1 AND "customerOrdinal" >= 4 AND "receivedAt" >=
       (SELECT "receivedAt" FROM "Order" WHERE "storeId" = $1 ORDER BY "receivedAt" OFFSET $2 LIMIT 1)
     ORDER BY "receivedAt" LIMIT 1`,
    Math.floor(orders * 0.3),
  );
  const { rows: counted } = await client.query<{ n: number }>(`SELECT "orderCount" AS n FROM "Customer" WHERE id = $1`, [fifty]);
  const fiftyCount = counted[0]!.n;
  await client.end();

  const member: Member = {
    user: { id: seeded.userId, name: "alpha owner", email: "alpha@bench.local" },
    store: { id: seeded.storeId, name: "alpha store" },
    role: "owner",
  };
  const customerPage = (id: string) => () =>
    Promise.all([getCustomerOrThrow(member, id), listCustomerNotes(member, id), listTags(member)]);
  const firstPage = { limit: ORDER_PAGE_SIZE };
  const cases: Array<Omit<CaseTiming, "samples"> & { run: () => Promise<unknown> }> = [
    {
      group: "customer",
      label: "baseline: one customer row by id",
      baseline: true,
      run: () => db.customer.findFirst({ where: { id: largest, storeId: member.store.id } }),
    },
    { group: "customer", label: "customer page: a one-time buyer", baseline: false, run: customerPage(oneTime) },
    {
      group: "customer",
      label: `customer page: a buyer of ${fiftyCount} orders`,
      baseline: false,
      run: customerPage(fifty),
    },
    {
      group: "customer",
      label: `customer page: the largest buyer (${facts.largest} orders, 200 listed)`,
      baseline: false,
      run: customerPage(largest),
    },
    {
      group: "customer",
      label: "customers list: by last order",
      baseline: false,
      run: () => listCustomers(member, { sort: "last", limit: 50 }),
    },
    {
      group: "customer",
      label: "customers list: by most orders",
      baseline: false,
      run: () => listCustomers(member, { sort: "orders", limit: 50 }),
    },
    {
      group: "customer",
      label: "customers list: by most spent",
      baseline: false,
      run: () => listCustomers(member, { sort: "spend", limit: 50 }),
    },
    {
      group: "customer",
      label: 'customers list: search "kavya"',
      baseline: false,
      run: () => listCustomers(member, { sort: "last", q: "kavya", limit: 50 }),
    },
    {
      group: "badge",
      label: "baseline: one order's id and status by id",
      baseline: true,
      run: () => db.order.findFirst({ where: { id: repeatOrder, storeId: member.store.id }, select: { id: true, status: true } }),
    },
    {
      group: "badge",
      label: "badge lookup: the order's customer and place in their history",
      baseline: false,
      run: () =>
        db.order.findFirst({
          where: { id: repeatOrder, storeId: member.store.id },
          select: { customerId: true, customerOrdinal: true },
        }),
    },
    {
      group: "badge",
      label: "live feed row (badge and tags), as the stream re-reads it",
      baseline: false,
      run: () => getOrderRows(member, [repeatOrder]),
    },
    {
      group: "badge",
      label: "order page (badge, tags, notes in the timeline)",
      baseline: false,
      run: () => getOrderOrThrow(member, repeatOrder),
    },
    {
      group: "feed",
      label: "baseline: first page without tags and badge",
      baseline: true,
      run: async () => {
        const { ids } = await findOrderIds(member, firstPage);
        return db.order.findMany({ where: { id: { in: ids }, storeId: member.store.id }, select: ROW_SELECT_BEFORE });
      },
    },
    { group: "feed", label: "first page with tags and badge", baseline: false, run: () => listOrders(member, firstPage) },
    {
      group: "feed",
      label: 'tag filter: "gift wrap" (1 in 20 orders)',
      baseline: false,
      run: () => listOrders(member, { ...firstPage, tag: seeded.tags["gift wrap"] }),
    },
    {
      group: "feed",
      label: 'tag filter: "fragile" (150 of the oldest orders)',
      baseline: false,
      run: () => listOrders(member, { ...firstPage, tag: seeded.tags.fragile }),
    },
  ];
  const samples = new Map(cases.map((entry) => [entry.label, [] as number[]]));
  for (let round = -warmup; round < rounds; round++) {
    // A new random order each round, so the machine's noise spreads evenly over the cases.
    for (const entry of [...cases].sort(() => Math.random() - 0.5)) {
      const started = performance.now();
      await entry.run();
      if (round >= 0) samples.get(entry.label)!.push(performance.now() - started);
    }
  }
  const result = cases.map(({ run: _run, ...entry }): CaseTiming => ({ ...entry, samples: samples.get(entry.label)! }));
  console.log(`BENCH_RESULT ${JSON.stringify({ cases: result, facts })}`);
  await pgPool.end();
}

async function readFacts(client: pg.Client, storeId: string) {
  const { rows } = await client.query<CustomersFacts>(
    `SELECT (SELECT count(*) FROM "Order" WHERE "storeId" = $1)::int AS orders,
       count(*)::int AS customers,
       count(*) FILTER (WHERE "orderCount" = 1)::int AS "oneTime",
       count(*) FILTER (WHERE "orderCount" >= 50)::int AS "fiftyPlus",
       max("orderCount")::int AS largest
     FROM "Customer" WHERE "storeId" = $1`,
    [storeId],
  );
  return rows[0]!;
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
