// The tenants benchmark's data (issue 27): many small stores and one large one in one database,
// with several webhook endpoints per store and a few due outbox messages in each. Stores, owners,
// memberships, endpoints and messages are one generate_series statement each; each store's orders
// and deliveries are seed-orders' three set-based statements over 100 stores at a time, with one
// VACUUM ANALYZE at the end.
import { hash } from "@node-rs/argon2";
import pg from "pg";
import { seedOrders, seedStoresOrders } from "./seed-orders";

export type TenantsSize = { stores: number; ordersEach: number; bigOrders: number; endpointsEach: number; bigBacklog: number };
export type Tenant = { storeId: string; endpointId: string; email: string };

const SEED_CHUNK = 100;

/** Every seeded owner signs in with this password (the bench's own throwaway database). */
export const TENANT_PASSWORD = "tenants-bench-password";

export async function seedTenants(
  databaseUrl: string,
  size: TenantsSize,
  big: { storeId: string; endpointId: string },
  log: (line: string) => void,
): Promise<Tenant[]> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    const passwordHash = await hash(TENANT_PASSWORD);
    // A key the claim treats as present (it never decrypts it): bucketed lanes are eligible.
    const { rows: tenants } = await client.query<Tenant>(
      `WITH s AS (
         INSERT INTO "Store" (name, "tribemadeStoreId", "apiKeyCiphertext")
         SELECT 'Tenant ' || i, gen_random_uuid(), 'bench-not-a-key' FROM generate_series(1, $1::int) AS i
         RETURNING id
       ), u AS (
         INSERT INTO "User" (email, name, "passwordHash")
         SELECT 'owner-' || s.id || '@bench.local', 'Tenant owner', $2 FROM s
         RETURNING id, email
       ), m AS (
         INSERT INTO "Membership" ("userId", "storeId", role)
         SELECT u.id, s.id, 'owner' FROM u JOIN s ON u.email = 'owner-' || s.id || '@bench.local'
         RETURNING "storeId", "userId"
       )
       SELECT m."storeId", u.email, ''::text AS "endpointId" FROM m JOIN u ON u.id = m."userId"`,
      [size.stores, passwordHash],
    );
    // endpointsEach per store (10,000 at full size): the token lookup must not notice them.
    const { rows: endpoints } = await client.query<{ storeId: string; endpointId: string }>(
      `INSERT INTO "WebhookEndpoint" ("storeId", "tokenHash", label)
       SELECT s.id, encode(sha256(convert_to(s.id::text || ':' || k, 'UTF8')), 'hex'), 'Endpoint ' || k
       FROM "Store" s CROSS JOIN generate_series(1, $2::int) AS k
       WHERE s.id = ANY($1::uuid[])
       RETURNING "storeId", id AS "endpointId"`,
      [tenants.map((tenant) => tenant.storeId), size.endpointsEach],
    );
    const endpointOf = new Map(endpoints.map((row) => [row.storeId, row.endpointId]));
    for (const tenant of tenants) tenant.endpointId = endpointOf.get(tenant.storeId) ?? "";
    log(`tenants: ${tenants.length} stores, ${endpoints.length} endpoints; seeding ${size.ordersEach} orders each…`);
    const started = Date.now();
    // A chunk of stores per statement set: 100 × 1,000 orders keeps each transaction's work modest.
    for (let from = 0; from < tenants.length; from += SEED_CHUNK) {
      const chunk = tenants.slice(from, from + SEED_CHUNK).map((tenant, index) => ({ ...tenant, salt: `t${from + index}` }));
      await seedStoresOrders(client, chunk, {
        orders: size.ordersEach,
        extraDeliveries: Math.round(size.ordersEach * 0.3),
        vacuum: false,
      });
      log(`tenants: ${from + chunk.length} stores seeded (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
    log(`tenants: seeding the large store (${size.bigOrders} orders)…`);
    await seedOrders(client, {
      ...big,
      orders: size.bigOrders,
      extraDeliveries: Math.round(size.bigOrders * 0.3),
      vacuum: false,
    });
    await client.query(`UPDATE "Store" SET "apiKeyCiphertext" = 'bench-not-a-key' WHERE id = $1::uuid`, [big.storeId]);
    // Due work everywhere: three verifications per small store, a backlog in the large one.
    await client.query(
      `INSERT INTO "OutboxMessage" ("storeId", kind, payload, priority, "availableAt")
       SELECT s.id, 'verify_order', jsonb_build_object('orderId', gen_random_uuid()::text), 1,
              now() - interval '1 hour' + k * interval '1 millisecond'
       FROM "Store" s, generate_series(1, CASE WHEN s.id = $1::uuid THEN $2::int ELSE 3 END) AS k
       WHERE s.id = $1::uuid OR s.id = ANY($3::uuid[])`,
      [big.storeId, size.bigBacklog, tenants.map((tenant) => tenant.storeId)],
    );
    await client.query(`VACUUM ANALYZE "Store", "Order", "WebhookDelivery", "OrderEvent", "WebhookEndpoint", "OutboxMessage"`);
    // The seed leaves gigabytes of dirty pages: written out here, not by a checkpoint running under
    // the ingest run that follows (a database that grew to this size over months has none pending).
    await client.query("CHECKPOINT");
    log(`tenants: seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    return tenants;
  } finally {
    await client.end();
  }
}
