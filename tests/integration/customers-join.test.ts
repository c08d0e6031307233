// Customers: the backfill in the migration and the drain's join are one statement and agree; repeat
// orders from one phone (however it is typed) count up, email groups orders whose phone has no key,
// concurrent joins never count an order twice, and the feed's rows carry the badge.
import { randomUUID } from "node:crypto";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it, vi } from "vitest";
import { startSimulatorForApp } from "@/tests/fixtures/outbox-env";

vi.mock("next/headers", async () => (await import("@/tests/fixtures/auth-request")).nextHeaders);
vi.mock("next/cache", async () => (await import("@/tests/fixtures/auth-request")).nextCache);
vi.mock("next/server", async (original) => (await import("@/tests/fixtures/webhook-client")).mockAfter(original));

const { sim, control } = await startSimulatorForApp();
const { db } = await import("@/lib/db");
const { JOIN_SQL } = await import("@/lib/customers/join-sql");
const { joinCustomers, joinCustomersOnce } = await import("@/lib/customers/join");
const { getCustomerOrThrow } = await import("@/lib/customers/queries");
const { getOrderRows } = await import("@/lib/orders/queries");
const { applyMigrations } = await import("@/lib/migrations/apply");
const { connectMerchant, drainUntilSettled, receiveOrder } = await import("@/tests/fixtures/outbox");
const { createMerchant } = await import("@/tests/fixtures/auth-merchants");

const serverUrl = inject("pgServerUrl");
const migrationsDir = path.resolve(import.meta.dirname, "../../prisma/migrations");
const MIGRATION = "20261207090000_customers";
const cleanups: Array<() => Promise<void>> = [];

afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
  await sim.stop();
});

type Merchant = Awaited<ReturnType<typeof createMerchant>>;
const memberOf = (merchant: Merchant) => ({
  user: merchant.user,
  store: { id: merchant.store.id, name: merchant.store.name },
  role: "owner" as const,
});

/** Orders of a store as a webhook leaves them (no customer yet), `seconds` apart, oldest first. */
type Person = { phone: string; email: string; amount?: string; status?: "started" | "cancelled" };

function orderRows(storeId: string, people: Person[]) {
  const start = Date.now() - people.length * 60_000;
  return people.map((person, index) => ({
    id: randomUUID(),
    storeId,
    tribemadeOrderId: randomUUID(),
    customerName: `Buyer ${index}`,
    customerEmail: person.email,
    customerPhone: person.phone,
    customerPincode: "560001",
    customerAddress: `${index} MG Road, Bengaluru`,
    amount: person.amount ?? "100.00",
    quantity: 1,
    status: person.status ?? ("started" as const),
    receivedAt: new Date(start + index * 60_000),
  }));
}

// One person typing their number four ways, an email-only buyer (junk phone) twice, a stranger.
const PEOPLE: Person[] = [
  { phone: "+91 98450 12345", email: "kavya@example.in", amount: "500.00" },
  { phone: "7000000001", email: "stranger@example.in" },
  { phone: "098450-12345", email: "Kavya@Example.in", amount: "250.50" },
  { phone: "12345", email: " Ravi@Example.in" },
  { phone: "9845012345", email: "kavya.new@example.in", amount: "99.00", status: "cancelled" },
  { phone: "n/a", email: "ravi@example.in" },
  { phone: "919845012345", email: "kavya@example.in" },
];

type Summary = Array<{ key: string; orderCount: number; totalSpent: string; email: string; ordinals: number[] }>;

async function summarise(client: { query: pg.Pool["query"] }, storeId: string): Promise<Summary> {
  const { rows } = await client.query<Summary[number]>(
    `SELECT c.key, c."orderCount", c."totalSpent"::text AS "totalSpent", c.email,
       array_agg(o."customerOrdinal" ORDER BY o."receivedAt") AS ordinals
     FROM "Customer" c JOIN "Order" o ON o."customerId" = c.id
     WHERE c."storeId" = $1 GROUP BY c.id ORDER BY c.key`,
    [storeId],
  );
  return rows;
}

const EXPECTED: Summary = [
  { key: "e:ravi@example.in", orderCount: 2, totalSpent: "200.00", email: "ravi@example.in", ordinals: [1, 2] },
  { key: "p:7000000001", orderCount: 1, totalSpent: "100.00", email: "stranger@example.in", ordinals: [1] },
  // Cancelled orders count and add to the total; the customer page subtracts them for lifetime value.
  { key: "p:9845012345", orderCount: 4, totalSpent: "949.50", email: "kavya@example.in", ordinals: [1, 2, 3, 4] },
];

describe("the join", () => {
  it("is the migration's backfill, verbatim", async () => {
    const migration = await readFile(path.join(migrationsDir, MIGRATION, "migration.sql"), "utf8");
    expect(migration).toContain(`AS\n${JOIN_SQL.trim()};\nEXECUTE "tribedesk_join_customers"(NULL, NULL);`);
  });

  it("backfills existing orders when the migration runs", async () => {
    const name = `customers_${randomUUID().replaceAll("-", "")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const before = await mkdtemp(path.join(os.tmpdir(), "tribedesk-before-customers-"));
    cleanups.push(async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
      await rm(before, { recursive: true, force: true });
    });
    // The migrations up to the one before customers, then orders, then the rest.
    const { readMigrations } = await import("@/lib/migrations/read-migrations");
    for (const migration of await readMigrations(migrationsDir)) {
      if (migration.name >= MIGRATION) break;
      await cp(path.join(migrationsDir, migration.name), path.join(before, migration.name), { recursive: true });
    }
    await cp(path.join(migrationsDir, "migration_lock.toml"), path.join(before, "migration_lock.toml"));
    await applyMigrations(url.toString(), { migrationsDir: before });
    const pool = new pg.Pool({ connectionString: url.toString(), max: 1 });
    cleanups.unshift(() => pool.end());
    const stores = [randomUUID(), randomUUID()];
    for (const id of stores) await pool.query(`INSERT INTO "Store" (id, name) VALUES ($1, 'Backfill')`, [id]);
    for (const [index, storeId] of stores.entries()) {
      // The second store has the same people: each store gets its own customers.
      for (const row of orderRows(storeId, index === 0 ? PEOPLE : PEOPLE.slice(0, 3))) {
        await pool.query(
          `INSERT INTO "Order" (id, "storeId", "tribemadeOrderId", "customerName", "customerEmail", "customerPhone",
             "customerPincode", "customerAddress", amount, quantity, status, "receivedAt", payload)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::"OrderStatus", $12, '{}')`,
          Object.values(row),
        );
      }
    }

    await applyMigrations(url.toString(), { migrationsDir });

    expect(await summarise(pool, stores[0]!)).toEqual(EXPECTED);
    expect((await summarise(pool, stores[1]!)).map((c) => [c.key, c.orderCount])).toEqual([
      ["p:7000000001", 1],
      ["p:9845012345", 2],
    ]);
    const { rows } = await pool.query(`SELECT count(*)::int AS n FROM "Order" WHERE "customerId" IS NULL`);
    expect(rows[0].n).toBe(0);
  });

  it("gives the drain the same customers, in batches of any size", async () => {
    const merchant = await createMerchant("Join");
    await db.order.createMany({ data: orderRows(merchant.store.id, PEOPLE).map((row) => ({ ...row, payload: {} })) });
    // Two orders per statement: counts carry over from batch to batch.
    while ((await joinCustomersOnce(merchant.store.id, 2)).length > 0);
    const { pgPool } = await import("@/lib/db");
    expect(await summarise(pgPool, merchant.store.id)).toEqual(EXPECTED);
  });

  it("never joins an order twice when drains run at once", async () => {
    const merchant = await createMerchant("Race");
    const people = Array.from({ length: 300 }, (_, i) => ({ phone: `98000000${i % 3}0`, email: `r${i}@example.in` }));
    await db.order.createMany({ data: orderRows(merchant.store.id, people).map((row) => ({ ...row, payload: {} })) });
    await Promise.all(Array.from({ length: 6 }, () => joinCustomers(merchant.store.id)));
    const customers = await db.customer.findMany({ where: { storeId: merchant.store.id }, orderBy: { key: "asc" } });
    expect(customers.map((c) => c.orderCount)).toEqual([100, 100, 100]);
    for (const customer of customers) {
      const ordinals = await db.order.findMany({ where: { customerId: customer.id }, select: { customerOrdinal: true } });
      expect(ordinals.map((o) => o.customerOrdinal).sort((a, b) => a! - b!)).toEqual(
        Array.from({ length: 100 }, (_, i) => i + 1),
      );
    }
  });

  it("finds unjoined orders by the partial index", async () => {
    const { rows } = await (
      await import("@/lib/db")
    ).pgPool.query<{ indexdef: string }>(`SELECT indexdef FROM pg_indexes WHERE indexname = 'Order_customer_unjoined_idx'`);
    expect(rows[0]?.indexdef).toMatch(/WHERE \("customerId" IS NULL\)/);
  });
});

describe("repeat buyers through ingest and the drain", () => {
  it("counts a second, third and fourth order from one phone and badges them", async () => {
    const merchant = await connectMerchant(control, "Repeat");
    const formats = ["+91 91234 56789", "09123456789", "91234-56789", "9123456789"];
    const orders = [];
    for (const number of formats) {
      const { order } = await receiveOrder(control, merchant, {
        mutate: (payload) => {
          (payload.customer as Record<string, unknown>).number = number;
        },
      });
      orders.push(order);
      await drainUntilSettled(merchant.store.id);
    }
    // The feed's rows carry the badge: which of the customer's orders each one is.
    const member = memberOf(merchant);
    const rows = await getOrderRows(
      member,
      orders.map((order) => order.id),
    );
    expect(rows.map((row) => row.customerOrdinal)).toEqual([1, 2, 3, 4]);
    const customerId = rows[0]!.customerId!;
    expect(rows.every((row) => row.customerId === customerId)).toBe(true);

    const customer = await getCustomerOrThrow(member, customerId);
    expect(customer.orderCount).toBe(4);
    expect(customer.orders.map((order) => order.id)).toEqual(orders.map((order) => order.id).reverse());
    expect(customer.phoneKey).toBe("9123456789");
    expect(customer.firstOrderAt).toBe(orders[0]!.receivedAt.toISOString());

    // Another store sees neither the orders nor the customer.
    const other = memberOf(await createMerchant("Other"));
    expect(await getOrderRows(other, [orders[0]!.id])).toEqual([]);
    await expect(getCustomerOrThrow(other, customerId)).rejects.toMatchObject({ code: "not_found" });
  });
});
