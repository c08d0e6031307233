// Seeds a store with a realistic history in a few SQL statements (generate_series), for the search
// benchmark and the tests that need a table big enough for PostgreSQL to choose real plans. Every
// value is a function of the row number, so callers know what exists: `seededOrder(i)` returns
// order i's searchable fields without reading the database.
//
// Shape (per store): `orders` orders received over `days` days, newest last; each has its accepted
// delivery and its `received` event; `extraDeliveries` more deliveries are duplicates of earlier
// orders (and 1 in 200 of them rejected). Names repeat like real customers' (~1,100 combinations);
// emails and phones are unique. Statuses age the way a working store's do: old orders delivered or
// cancelled, the last day's still started or processing.
import { createHash } from "node:crypto";
import type pg from "pg";

const FIRST = ["Aarav", "Rahul", "Priya", "Ananya", "Vikram", "Sneha", "Arjun", "Kavya", "Rohan", "Ishita", "Siddharth", "Meera"];
const FIRST_MORE = ["Karthik", "Lakshmi", "Aditya", "Pooja", "Harpreet", "Nandini", "Imran", "Fatima", "Suresh", "Divya"];
const FIRST_LAST = ["Manoj", "Aishwarya", "Vivek", "Shreya", "Abhishek", "Neha", "Gaurav", "Riya", "Anil", "Deepika", "Tanvi"];
const FIRST_NAMES = [...FIRST, ...FIRST_MORE, ...FIRST_LAST];
const LAST_NAMES = ["Sharma", "Verma", "Iyer", "Nair", "Reddy", "Patel", "Shah", "Gupta", "Singh", "Kaur", "Mukherjee", "Das"];
const LAST_MORE = ["Rao", "Menon", "Kulkarni", "Deshpande", "Joshi", "Khan", "Fernandes", "Pillai", "Chatterjee", "Agarwal"];
const SURNAMES = [...LAST_NAMES, ...LAST_MORE, "Mehta", "Bhat", "Naidu", "Sinha", "Mishra"];
const PIN_PREFIXES = ["400", "411", "110", "560", "600", "500", "700", "380", "302", "226", "682", "160", "452", "751"];
const PRODUCTS = ["Handloom cotton saree", "Brass diya set (4)", "Block-print kurta", "Terracotta planter", "Jute tote bag"];

export type SeedOptions = {
  storeId: string;
  endpointId: string;
  orders: number;
  /** Deliveries beyond one per order (duplicates, and a few rejected). */
  extraDeliveries: number;
  /** The history spans this many days, ending now. */
  days?: number;
  /** Distinguishes stores seeded with the same row numbers (ids, emails and phones differ). */
  salt?: string;
  /** VACUUM ANALYZE when done (default); a caller seeding many stores runs it once at the end. */
  vacuum?: boolean;
};

/** What order i of a seeded store looks like (the fields searches look for). */
export function seededOrder(i: number, salt = "") {
  const first = FIRST_NAMES[i % FIRST_NAMES.length] ?? "";
  const last = SURNAMES[Math.floor(i / FIRST_NAMES.length) % SURNAMES.length] ?? "";
  const digits = `98${String(i).padStart(8, "0")}`;
  return {
    tribemadeOrderId: uuidFrom(`${salt}order${i}`),
    customerName: `${first} ${last}`,
    customerEmail: i % 4 === 0 ? `buyer${i}${salt}@example.in` : `${first}.${last}${i}${salt}@gmail.com`.toLowerCase(),
    phoneDigits: digits,
    customerPincode: `${PIN_PREFIXES[i % PIN_PREFIXES.length]}${String(i % 97).padStart(3, "0")}`,
  };
}

/** md5 of the text as a UUID: the same function the SQL below uses. */
export function uuidFrom(text: string): string {
  const hex = createHash("md5").update(text).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

const sqlArray = (values: string[]) => `ARRAY[${values.map((value) => `'${value.replaceAll("'", "''")}'`).join(",")}]`;

/** Writes the rows; returns when committed. Uses one connection; takes ~1 s per 10,000 orders here. */
export async function seedOrders(client: pg.ClientBase, options: SeedOptions): Promise<void> {
  const { storeId, endpointId, salt = "", ...sizes } = options;
  await seedStoresOrders(client, [{ storeId, endpointId, salt }], sizes);
}

/**
 * The same history in several stores at once, each statement covering every store (the tenants
 * benchmark seeds thousands): a store's rows are what seedOrders would write for it alone.
 */
export async function seedStoresOrders(
  client: pg.ClientBase,
  stores: Array<{ storeId: string; endpointId: string; salt: string }>,
  options: Omit<SeedOptions, "storeId" | "endpointId" | "salt">,
): Promise<void> {
  const { orders, extraDeliveries } = options;
  const days = options.days ?? 200;
  const spacingMs = (days * 86_400_000) / orders;
  const storeIds = stores.map((store) => store.storeId);
  const endpointIds = stores.map((store) => store.endpointId);
  const salts = stores.map((store) => store.salt);
  await client.query("BEGIN");
  try {
    // Orders: row i received at now - (orders - i) * spacing, so i = orders is the newest.
    await client.query(
      `WITH n AS (
         SELECT s.store, s.salt, i, now() - ((($3::int - i) * $4::float8) || ' milliseconds')::interval AS at,
           (${sqlArray(FIRST_NAMES)})[1 + i % ${FIRST_NAMES.length}] AS first,
           (${sqlArray(SURNAMES)})[1 + (i / ${FIRST_NAMES.length}) % ${SURNAMES.length}] AS last
         FROM unnest($1::uuid[], $2::text[]) AS s(store, salt) CROSS JOIN generate_series(1, $3::int) AS i
       ), v AS (
         SELECT n.*, md5(salt || 'order' || i)::uuid AS tm_id,
           '98' || lpad(i::text, 8, '0') AS digits,
           CASE WHEN i % 4 = 0 THEN 'buyer' || i || salt || '@example.in'
                ELSE lower(first || '.' || last || i || salt || '@gmail.com') END AS email,
           (${sqlArray(PIN_PREFIXES)})[1 + i % ${PIN_PREFIXES.length}] || lpad((i % 97)::text, 3, '0') AS pincode,
           (now() - at) AS age
         FROM n
       )
       INSERT INTO "Order" ("storeId", "tribemadeOrderId", status, "customerName", "customerEmail", "customerPhone",
         "customerPincode", "customerAddress", amount, quantity, "productId", "productName", "productImage",
         "placedAt", "receivedAt", "updatedAt", payload, verification, "verifiedAt", sync, "syncError")
       SELECT store, tm_id,
         (CASE WHEN age < interval '1 day' THEN (CASE WHEN i % 3 = 0 THEN 'processing' ELSE 'started' END)
               WHEN age < interval '4 days' THEN (CASE WHEN i % 5 = 0 THEN 'started' ELSE 'dispatched' END)
               WHEN i % 29 = 0 THEN 'cancelled' ELSE 'delivered' END)::"OrderStatus",
         first || ' ' || last, email,
         CASE i % 3 WHEN 0 THEN '+91 ' || substr(digits, 1, 5) || ' ' || substr(digits, 6) WHEN 1 THEN digits ELSE '0' || digits END,
         pincode, i || ', MG Road, Apartment 4B, Mumbai, Maharashtra, India',
         (199 + (i * 37) % 4800)::numeric(12, 2), 1 + i % 3,
         md5('product' || i % 5)::uuid::text,
         (${sqlArray(PRODUCTS)})[1 + i % ${PRODUCTS.length}], 'https://images.tribemade.in/p/' || i % 5 || '.jpg',
         at - interval '1 second', at, at,
         jsonb_build_object('event', 'order.created', 'order_id', tm_id, 'customer', jsonb_build_object('name', first || ' ' || last,
           'email', email, 'number', digits, 'pincode', pincode), 'order_details', jsonb_build_object('quantity', 1 + i % 3)),
         (CASE WHEN i % 211 = 0 THEN 'mismatch' WHEN i % 503 = 0 THEN 'not_found' WHEN age < interval '1 minute' THEN 'unverified'
               ELSE 'verified' END)::"Verification",
         at + interval '2 seconds',
         (CASE WHEN i % 307 = 0 THEN 'failed' ELSE 'synced' END)::"SyncState",
         CASE WHEN i % 307 = 0 THEN 'Rate limit exceeded' END
       FROM v`,
      [storeIds, salts, orders, spacingMs],
    );
    // One accepted delivery and one `received` event per order, at its receivedAt.
    await client.query(
      `WITH o AS (
         SELECT o.id, o."storeId", e.endpoint, o."tribemadeOrderId", o."receivedAt", o.payload
         FROM unnest($1::uuid[], $2::uuid[]) AS e(store, endpoint) JOIN "Order" o ON o."storeId" = e.store
       ), d AS (
         INSERT INTO "WebhookDelivery" ("storeId", "endpointId", "receivedAt", headers, body, "bodySize", "bodySha256",
           outcome, "orderRef", "orderId", "ackMs")
         SELECT "storeId", endpoint, "receivedAt", '{"content-type":"application/json"}'::jsonb,
           convert_to(payload::text, 'UTF8'), octet_length(payload::text), md5(payload::text), 'accepted',
           "tribemadeOrderId"::text, id, 0.8
         FROM o
         RETURNING id, "storeId", "orderId", "receivedAt"
       )
       INSERT INTO "OrderEvent" ("storeId", "orderId", type, actor, data, "createdAt")
       SELECT "storeId", "orderId", 'received', 'TribeMade', jsonb_build_object('deliveryId', id, 'replay', false), "receivedAt"
       FROM d`,
      [storeIds, endpointIds],
    );
    // Extra deliveries: TribeMade sending an order again (a duplicate, a minute later), 1 in 200 rejected.
    await client.query(
      `WITH picked AS (
         SELECT g, s.store, s.endpoint, o.id, o."tribemadeOrderId", o."receivedAt", o.payload
         FROM unnest($1::uuid[], $2::uuid[], $4::text[]) AS s(store, endpoint, salt)
         CROSS JOIN generate_series(1, $3::int) AS g
         JOIN "Order" o ON o."storeId" = s.store AND o."tribemadeOrderId" = md5(s.salt || 'order' || (1 + (g * 7919) % $5::int))::uuid
       )
       INSERT INTO "WebhookDelivery" ("storeId", "endpointId", "receivedAt", headers, body, "bodySize", "bodySha256",
         outcome, reason, "orderRef", "orderId", "ackMs")
       SELECT store, endpoint, "receivedAt" + interval '61 seconds', '{"content-type":"application/json"}'::jsonb,
         convert_to(payload::text, 'UTF8'), octet_length(payload::text), md5(payload::text),
         (CASE WHEN g % 200 = 0 THEN 'rejected' ELSE 'duplicate' END)::"DeliveryOutcome",
         CASE WHEN g % 200 = 0 THEN 'invalid_payload' END,
         "tribemadeOrderId"::text, CASE WHEN g % 200 = 0 THEN NULL ELSE id END, 0.9
       FROM picked`,
      [storeIds, endpointIds, extraDeliveries, salts, orders],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  }
  // Fresh statistics and a visibility map, as a store that has been running would have.
  if (options.vacuum === false) return;
  await client.query(`VACUUM ANALYZE "Order", "WebhookDelivery", "OrderEvent"`);
}
