// The orders benchmarks' data: two stores of the same size (the second proves every query is scoped
// by an index, not by scanning the other store's rows), a signed-in owner of the first, and its
// webhook token. Sign-in goes through next-auth's own endpoints, as a browser's would.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import pg from "pg";
import { seedOrders } from "./seed-orders";

export type BenchMerchant = {
  storeId: string;
  tribemadeStoreId: string;
  endpointId: string;
  /** The secret at the end of the store's webhook URL. */
  webhookToken: string;
  email: string;
  password: string;
};

export async function createBenchMerchant(databaseUrl: string, label: string): Promise<BenchMerchant> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    const email = `${label.toLowerCase()}-${randomUUID().slice(0, 8)}@bench.local`;
    const password = randomBytes(12).toString("base64url");
    const tribemadeStoreId = randomUUID();
    const webhookToken = randomBytes(32).toString("base64url");
    const {
      rows: [user],
    } = await client.query<{ id: string }>(`INSERT INTO "User"(email, name, "passwordHash") VALUES ($1, $2, $3) RETURNING id`, [
      email,
      `${label} Owner`,
      await hash(password),
    ]);
    const {
      rows: [store],
    } = await client.query<{ id: string }>(`INSERT INTO "Store"(name, "tribemadeStoreId") VALUES ($1, $2) RETURNING id`, [
      `${label} store`,
      tribemadeStoreId,
    ]);
    await client.query(`INSERT INTO "Membership"("userId", "storeId", role) VALUES ($1, $2, 'owner')`, [user!.id, store!.id]);
    const {
      rows: [endpoint],
    } = await client.query<{ id: string }>(
      `INSERT INTO "WebhookEndpoint"("storeId", "tokenHash", label) VALUES ($1, $2, 'TribeMade') RETURNING id`,
      [store!.id, createHash("sha256").update(webhookToken).digest("hex")],
    );
    return { storeId: store!.id, tribemadeStoreId, endpointId: endpoint!.id, webhookToken, email, password };
  } finally {
    await client.end();
  }
}

export async function seedBenchStore(
  databaseUrl: string,
  merchant: BenchMerchant,
  sizes: { orders: number; extraDeliveries: number; salt?: string },
) {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    await seedOrders(client, { storeId: merchant.storeId, endpointId: merchant.endpointId, ...sizes });
  } finally {
    await client.end();
  }
}

/** The session cookie header for `merchant`, from next-auth's CSRF + credentials endpoints. */
export async function signIn(baseUrl: string, merchant: Pick<BenchMerchant, "email" | "password">): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookies = csrf.headers.getSetCookie().map((line) => line.split(";")[0]);
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
    body: new URLSearchParams({ csrfToken, email: merchant.email, password: merchant.password, json: "true" }),
  });
  const session = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0] ?? "")
    .find((pair) => /session-token=/.test(pair));
  if (!session) throw new Error(`Sign-in failed (${response.status})`);
  return session;
}
