// Two merchants in the end-to-end app's database for the page-level tenant-isolation test:
// A (whose session cookie it prints) and B with something in every table. Run as its own process
// with the app's configuration, like the demo seed:
//   DATABASE_URL=… AUTH_SECRET=… ENCRYPTION_KEY=… E2E_BASE_URL=… tsx --conditions=react-server tests/e2e/support/seed-tenants.ts
// Prints one JSON line: { cookie, bStoreId, params, canaries }.
import { encode } from "next-auth/jwt";
import { joinCustomers } from "@/lib/customers/join";
import { newUrlToken, sha256Hex } from "@/lib/crypto/tokens";
import { db, pgPool } from "@/lib/db";
import { env } from "@/lib/env";
import { createMerchant } from "@/tests/fixtures/auth-merchants";
import { createBeta } from "@/tests/fixtures/isolation/beta";
import { assertLocalDatabase } from "@/tests/support/local-database-guard";

async function main() {
  assertLocalDatabase(env.DATABASE_URL);
  const a = await createMerchant("Alpha");
  const { b, staff, invite, payload } = await createBeta();
  // Through the running app, as TribeMade would send it.
  const response = await fetch(`${process.env.E2E_BASE_URL}/api/webhooks/tribemade/${b.webhookToken}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(payload),
  });
  if (response.status !== 200) throw new Error(`B's webhook answered ${response.status}: ${await response.text()}`);
  const order = await db.order.findFirstOrThrow({ where: { storeId: b.store.id }, select: { id: true, tribemadeOrderId: true } });
  const delivery = await db.webhookDelivery.findFirstOrThrow({ where: { storeId: b.store.id }, select: { id: true } });
  // B's order joins its customer now rather than after a verification this seed does not wait for.
  await joinCustomers(b.store.id);
  const customer = await db.customer.findFirstOrThrow({ where: { storeId: b.store.id }, select: { id: true } });
  const stored = await db.store.findUniqueOrThrow({ where: { id: b.store.id }, select: { apiKeyCiphertext: true } });
  // Refused deliveries of B's (the metrics tab and the banner on the webhooks and orders pages): a
  // count no page of A's could show by chance.
  const refusedCount = 48_611;
  await db.webhookRefusal.create({
    data: {
      endpointId: b.endpointId,
      storeId: b.store.id,
      minute: new Date(Math.floor(Date.now() / 60_000) * 60_000),
      count: refusedCount,
    },
  });
  const product = await db.product.create({
    data: { storeId: b.store.id, tribemadeProductId: "beta-product-canary", name: "Betasecret Kurta", stock: 3 },
    select: { id: true, name: true },
  });

  const cookie = await encode({
    token: { sub: a.user.id, name: a.user.name, email: a.user.email, sv: 0 },
    secret: env.AUTH_SECRET,
  });
  const canaries = [
    b.store.id,
    b.store.name,
    b.store.tribemadeStoreId ?? "",
    b.user.email,
    b.user.name,
    staff.user.email,
    staff.user.name,
    b.apiKey,
    stored.apiKeyCiphertext ?? "",
    b.webhookToken,
    sha256Hex(b.webhookToken),
    invite.id,
    order.id,
    order.tribemadeOrderId,
    delivery.id,
    customer.id,
    b.endpointId,
    b.membershipId,
    staff.membershipId,
    payload.customer.name,
    payload.customer.email,
    payload.customer.number,
    `${refusedCount} webhook deliveries`,
    `Refused, not stored: ${refusedCount.toLocaleString("en-IN")}`,
    product.id,
    product.name,
  ].filter((value) => value.length > 0);

  console.log(
    JSON.stringify({
      cookie,
      aStoreName: a.store.name,
      bStoreId: b.store.id,
      params: {
        "/webhooks/deliveries/[id]:id": delivery.id,
        "/customers/[id]:id": customer.id,
        "/products/[id]:id": product.id,
        id: order.id,
        token: newUrlToken(),
      },
      canaries,
    }),
  );
}

main()
  .then(() => pgPool.end())
  .catch(async (error: unknown) => {
    console.error(error);
    await pgPool.end();
    process.exit(1);
  });
