// The customers benchmark's data (scripts/bench/customers-worker.ts), in a few SQL statements: a
// store of 100,000 orders from seed-orders.ts (the search bench's history), then its buyers spread
// the way a small shop's are, then every order joined to its customer by the join's own statement
// (lib/customers/join-sql.ts), then tags and notes. Row i is the i-th oldest order:
// - 6 in 10 orders come from one-time buyers (the phone seed-orders gave them, unique);
// - 3 in 10 from 10,000 regulars (about 3 orders each);
// - 1 in 10 from 200 loyal buyers, skewed: about 50 of them have 50 or more orders, the first ~700;
// - 1 in 997 has a junk phone and groups by one of 40 email addresses instead.
// Tags: 8 tags; "gift wrap" on 1 order in 20, "VIP" on the loyal buyers' orders after their 20th,
// "fragile" on 150 of the oldest orders (a rare tag, deep in the history), "VIP" on 1,000 customers.
import type pg from "pg";
import { JOIN_SQL } from "../../lib/customers/join-sql";
import { seedOrders } from "./seed-orders";

export const LOYAL_BUYERS = 200;
const REGULARS = 10_000;
const TAGS = [
  ["gift wrap", "pink"],
  ["VIP", "amber"],
  ["fragile", "red"],
  ["wholesale", "blue"],
  ["COD risk", "gray"],
  ["repeat", "green"],
  ["influencer", "violet"],
  ["return", "teal"],
] as const;

export type SeededCustomers = { storeId: string; userId: string; tags: Record<string, string> };

export async function seedCustomersStore(client: pg.ClientBase, orders: number, label: string): Promise<SeededCustomers> {
  const {
    rows: [user],
  } = await client.query<{ id: string }>(`INSERT INTO "User"(email, name, "passwordHash") VALUES ($1, $2, 'x') RETURNING id`, [
    `${label}@bench.local`,
    `${label} owner`,
  ]);
  const {
    rows: [store],
  } = await client.query<{ id: string }>(`INSERT INTO "Store"(name) VALUES ($1) RETURNING id`, [`${label} store`]);
  const storeId = store!.id;
  await client.query(`INSERT INTO "Membership"("userId", "storeId", role) VALUES ($1, $2, 'owner')`, [user!.id, storeId]);
  const {
    rows: [endpoint],
  } = await client.query<{ id: string }>(
    `INSERT INTO "WebhookEndpoint"("storeId", "tokenHash", label) VALUES ($1::uuid, md5($1::text), 'TribeMade') RETURNING id`,
    [storeId],
  );
  await seedOrders(client, { storeId, endpointId: endpoint!.id, orders, extraDeliveries: 0, salt: label });

  // The buyers: who placed order i (the phone in one of three formats, as TribeMade sends them).
  await client.query(
    `WITH n AS (
       SELECT id, row_number() OVER (ORDER BY "receivedAt", id) AS i FROM "Order" WHERE "storeId" = $1::uuid
     ), who AS (
       SELECT id, i, CASE
         WHEN i % 997 = 0 THEN NULL
         WHEN i % 10 = 9 THEN '96' || lpad(floor($2::int * power(((i * 104729) % 100003) / 100003.0, 2))::int::text, 8, '0')
         WHEN i % 10 >= 6 THEN '97' || lpad(((i * 7919) % $3::int)::text, 8, '0')
       END AS digits
       FROM n
     )
     UPDATE "Order" o SET
       "customerPhone" = CASE
         WHEN who.i % 997 = 0 THEN '12345'
         WHEN who.digits IS NULL THEN o."customerPhone"
         WHEN who.i % 3 = 0 THEN '+91 ' || substr(who.digits, 1, 5) || ' ' || substr(who.digits, 6)
         WHEN who.i % 3 = 1 THEN who.digits ELSE '0' || who.digits END,
       "customerEmail" = CASE WHEN who.i % 997 = 0 THEN 'no.phone' || (who.i % 40) || '@example.in' ELSE o."customerEmail" END
     FROM who WHERE o.id = who.id`,
    [storeId, LOYAL_BUYERS, REGULARS],
  );
  // The join's own statement, in large batches (the migration's backfill does the same).
  for (;;) {
    const { rowCount } = await client.query(JOIN_SQL, [storeId, 25_000]);
    if ((rowCount ?? 0) < 25_000) break;
  }

  const tags: Record<string, string> = {};
  for (const [name, color] of TAGS) {
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "Tag"("storeId", name, color) VALUES ($1, $2, $3) RETURNING id`,
      [storeId, name, color],
    );
    tags[name] = rows[0]!.id;
  }
  await client.query(
    `INSERT INTO "OrderTag"("storeId", "orderId", "tagId")
     SELECT $1::uuid, id, $2::uuid FROM "Order" WHERE "storeId" = $1::uuid AND hashtext(id::text) % 20 = 0
     UNION ALL
     SELECT $1::uuid, o.id, $3::uuid FROM "Order" o JOIN "Customer" c ON c.id = o."customerId"
       WHERE o."storeId" = $1::uuid AND c.key LIKE 'p:96%' AND o."customerOrdinal" > 20
     UNION ALL
     SELECT $1::uuid, id, $4::uuid FROM (SELECT id FROM "Order" WHERE "storeId" = $1::uuid ORDER BY "receivedAt" LIMIT 150) AS old`,
    [storeId, tags["gift wrap"], tags.VIP, tags.fragile],
  );
  await client.query(
    `INSERT INTO "CustomerTag"("storeId", "customerId", "tagId")
     SELECT $1::uuid, id, $2::uuid FROM "Customer" WHERE "storeId" = $1::uuid ORDER BY "orderCount" DESC, id LIMIT 1000`,
    [storeId, tags.VIP],
  );
  // Notes: one on 1 order in 50, three on each loyal buyer.
  await client.query(
    `INSERT INTO "Note"("storeId", "orderId", "authorId", "authorName", body)
     SELECT $1::uuid, id, $2::uuid, 'Bench owner', 'Asked for gift wrap and a handwritten card.'
     FROM "Order" WHERE "storeId" = $1::uuid AND hashtext(id::text) % 50 = 0`,
    [storeId, user!.id],
  );
  await client.query(
    `INSERT INTO "Note"("storeId", "customerId", "authorId", "authorName", body)
     SELECT $1::uuid, c.id, $2::uuid, 'Bench owner', 'Prefers delivery after 6 pm; call before dispatch. #' || g
     FROM "Customer" c CROSS JOIN generate_series(1, 3) AS g WHERE c."storeId" = $1::uuid AND c.key LIKE 'p:96%'`,
    [storeId, user!.id],
  );
  await client.query(`VACUUM ANALYZE "Order", "Customer", "OrderTag", "CustomerTag", "Note", "Tag"`);
  return { storeId, userId: user!.id, tags };
}
