// Seeds the demo merchant: one user, one store with an encrypted API key the local simulator
// accepts, one webhook endpoint. Run by the embedded default as its own process (so the app's
// data layer reads its configuration the normal way); idempotent.
//   DATABASE_URL=… TRIBEDESK_DEMO_WEBHOOK_TOKEN=… tsx --conditions=react-server prisma/seed.ts
import { randomUUID } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { sha256Hex } from "@/lib/crypto/tokens";
import { db, pgPool } from "@/lib/db";
import { DEMO } from "@/lib/embedded/demo";
import { env } from "@/lib/env";
import { sealStoreApiKey } from "@/lib/stores/api-key";

const LOCAL_HOSTS = ["127.0.0.1", "localhost", "::1", "[::1]"];

async function seedDemo(webhookToken: string) {
  // Demo credentials must never reach a real deployment.
  const host = new URL(env.DATABASE_URL).hostname;
  if (!LOCAL_HOSTS.includes(host) || !env.TRIBEDESK_DEMO) {
    throw new Error(`Refusing to seed demo data (database host ${host}, TRIBEDESK_DEMO=${env.TRIBEDESK_DEMO}).`);
  }
  const existing = await db.user.findUnique({ where: { email: DEMO.email } });
  if (existing) return "demo merchant already present";

  // The key's ciphertext is bound to the store's id, so the id is chosen here.
  const storeId = randomUUID();
  const passwordHash = await hashPassword(DEMO.password);
  await db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: DEMO.email, name: DEMO.name, passwordHash } });
    const store = await tx.store.create({
      data: {
        id: storeId,
        name: DEMO.storeName,
        tribemadeStoreId: DEMO.tribemadeStoreId,
        ...sealStoreApiKey(storeId, DEMO.apiKey),
      },
    });
    await tx.membership.create({ data: { userId: user.id, storeId: store.id, role: "owner" } });
    await tx.webhookEndpoint.create({
      data: { storeId: store.id, tokenHash: sha256Hex(webhookToken), label: "TribeMade (demo)" },
    });
  });
  return "demo merchant created";
}

const token = process.env.TRIBEDESK_DEMO_WEBHOOK_TOKEN;
if (!token) throw new Error("TRIBEDESK_DEMO_WEBHOOK_TOKEN is required");
seedDemo(token)
  .then((outcome) => console.log(`[seed] ${outcome}`))
  // The pool is shared with plain pg and outlives $disconnect; end it so the process exits now.
  .finally(() => db.$disconnect().then(() => pgPool.end()))
  .catch((error: unknown) => {
    console.error(`[seed] ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
