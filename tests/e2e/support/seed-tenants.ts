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
import { addMember, createMerchant } from "@/tests/fixtures/auth-merchants";
import { orderCreated } from "@/tests/fixtures/webhook-payloads";
import { assertLocalDatabase } from "@/tests/support/local-database-guard";

async function main() {
  assertLocalDatabase(env.DATABASE_URL);
  const a = await createMerchant("Alpha");
  const b = await createMerchant("Beta");
  const staff = await addMember(b.store.id, "staff", { name: "Beta Staffer" });
  const invite = await db.invite.create({
    data: {
      storeId: b.store.id,
      tokenHash: sha256Hex(newUrlToken()),
      role: "staff",
      createdById: b.user.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
    select: { id: true },
  });
  const payload = orderCreated({
    store_id: b.store.tribemadeStoreId ?? undefined,
    customer: {
      name: "Zoya Betacustomer",
      email: "zoya.beta@example.in",
      number: "9900112233",
      full_address: "7 Beta Lane, Pune",
      pincode: "411001",
    },
  });
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
  ].filter((value) => value.length > 0);

  console.log(
    JSON.stringify({
      cookie,
      aStoreName: a.store.name,
      bStoreId: b.store.id,
      params: {
        "/webhooks/deliveries/[id]:id": delivery.id,
        "/customers/[id]:id": customer.id,
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
