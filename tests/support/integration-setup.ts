// Runs before each integration test file: a fresh database cloned from the migrated template,
// and the configuration the app needs. Test secrets are fixed so failures reproduce.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { assertLocalDatabase } from "./local-database-guard";

const serverUrl = inject("pgServerUrl");
const template = inject("pgTemplate");
assertLocalDatabase(serverUrl);

const database = `test_${randomUUID().replaceAll("-", "")}`;
await createDatabaseFromTemplate(serverUrl, database, template);

const url = new URL(serverUrl);
url.pathname = `/${database}`;
process.env.DATABASE_URL = url.toString();
// The pooler tier: the app goes through PgBouncer; LISTEN and tests' own checks may go direct.
const poolerUrl = inject("pgPoolerUrl");
if (poolerUrl) {
  const pooled = new URL(poolerUrl);
  pooled.pathname = `/${database}`;
  process.env.DATABASE_URL_UNPOOLED = url.toString();
  process.env.DATABASE_URL = pooled.toString();
}
process.env.AUTH_SECRET ??= "test-auth-secret-0123456789abcdef0123456789";
process.env.CRON_SECRET ??= "test-cron-secret-0123456789";
process.env.ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
process.env.APP_URL ??= "http://127.0.0.1:3000";
// As if behind one proxy that appends to X-Forwarded-For (tests/fixtures/auth-request.ts sets it).
process.env.TRUSTED_PROXY_HOPS ??= "1";

// Drains find each domain's outbox handlers through the registry, as in a Next.js server
// (instrumentation.ts). Registered as a loader: no app module loads here, so a test file can still
// set its own configuration before it imports app code.
const { registerOutboxHandlers } = await import("@/lib/wiring/outbox-handlers");
registerOutboxHandlers();

async function createDatabaseFromTemplate(server: string, name: string, from: string) {
  const client = new pg.Client(server);
  await client.connect();
  try {
    // Two files cloning the template at the same instant can collide ("source database is
    // being accessed by other users"); a short retry resolves it.
    for (let attempt = 0; ; attempt++) {
      try {
        await client.query(`CREATE DATABASE "${name}" TEMPLATE "${from}"`);
        return;
      } catch (error) {
        if (attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
      }
    }
  } finally {
    await client.end();
  }
}
