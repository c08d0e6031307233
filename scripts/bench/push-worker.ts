// The push benchmark's measuring process (started by scripts/bench/push.ts with the app's
// environment): it plays TribeMade's customer and the phones. It hosts the local push service
// (tests/fixtures/fake-push-service.ts: checks VAPID, decrypts every payload), seeds a store whose
// members have N subscribed devices, then places orders at the simulator one at a time; the
// simulator POSTs each webhook to the production server, which verifies the order and pushes
// through its outbox. Per order: from the simulator being asked to place it to the first and to
// the last of the N devices' push requests. One JSON line on stdout.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { sealStoreApiKey } from "../../lib/stores/api-key";
import { createControlClient } from "../../lib/tribemade/simulator/control-client";
import { startFakePushService, type FakeDevice } from "../../tests/fixtures/fake-push-service";

export type PushRun = {
  devices: number;
  orders: number;
  /** ms per order, in order placed. */
  ack: number[];
  first: number[];
  last: number[];
  pushes: number;
  rejected: number;
  /** Payloads that did not read "₹… · product ×qty · name" with the order's url. */
  wrong: number;
};

const serverUrl = process.env.BENCH_SERVER_URL!;
const orders = Number(process.env.BENCH_ORDERS ?? 20);
const deviceCounts = (process.env.BENCH_DEVICES ?? "1,100").split(",").map(Number);
const control = createControlClient(process.env.TRIBEMADE_API_BASE_URL!);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL!, max: 2 });
/** Members per store: the devices are spread over them, as a team's phones and laptops would be. */
const DEVICES_PER_MEMBER = 25;
/** A push request that has not come by then is a failure, not a slow sample. */
const WAIT_MS = 15_000;
const PAUSE_MS = 250;
const BODY = /^₹[\d,]+(\.\d\d)? · .+ ×\d+ · \S+( [A-Z]\.)?$/;

type Push = Awaited<ReturnType<typeof startFakePushService>>;

async function seedStore(push: Push, devices: number): Promise<{ simStoreId: string; ids: Set<string> }> {
  const token = randomBytes(32).toString("base64url");
  const { store: sim } = await control.createStore({
    name: `Push bench ${devices}`,
    webhookUrls: [`${serverUrl}/api/webhooks/tribemade/${token}`],
  });
  const storeId = randomUUID();
  const { apiKeyCiphertext, apiKeyKeyId } = sealStoreApiKey(storeId, sim.apiKey);
  await pool.query(
    `INSERT INTO "Store" (id, name, "tribemadeStoreId", "apiKeyCiphertext", "apiKeyKeyId", "apiKeyLast4") VALUES ($1, $2, $3, $4, $5, $6)`,
    [storeId, `Push bench ${devices}`, sim.id, apiKeyCiphertext, apiKeyKeyId, sim.apiKey.slice(-4)],
  );
  await pool.query(`INSERT INTO "WebhookEndpoint" ("storeId", "tokenHash", label) VALUES ($1, $2, 'bench')`, [
    storeId,
    createHash("sha256").update(token).digest("hex"),
  ]);
  const all: FakeDevice[] = Array.from({ length: devices }, () => push.newDevice());
  for (let start = 0; start < devices; start += DEVICES_PER_MEMBER) {
    const { rows } = await pool.query<{ id: string }>(
      `INSERT INTO "User" (email, name, "passwordHash") VALUES ($1, $2, 'bench-no-login') RETURNING id`,
      [`member-${randomUUID()}@bench.test`, `Member ${start / DEVICES_PER_MEMBER + 1}`],
    );
    const userId = rows[0]!.id;
    await pool.query(`INSERT INTO "Membership" ("userId", "storeId", role) VALUES ($1, $2, $3)`, [
      userId,
      storeId,
      start === 0 ? "owner" : "staff",
    ]);
    for (const device of all.slice(start, start + DEVICES_PER_MEMBER)) {
      await pool.query(
        `INSERT INTO "PushSubscription" ("storeId", "userId", endpoint, p256dh, auth, label) VALUES ($1, $2, $3, $4, $5, 'Chrome on Android')`,
        [storeId, userId, device.endpoint, device.p256dh, device.auth],
      );
    }
  }
  return { simStoreId: sim.id, ids: new Set(all.map((device) => device.id)) };
}

/** Places one order and waits for its push at every device; ms from the request to place it. */
async function oneOrder(push: Push, simStoreId: string, ids: Set<string>) {
  push.received.length = 0;
  const started = Date.now();
  const placed = await control.placeOrder(simStoreId);
  const delivery = placed.deliveries.find((attempt) => attempt.statusCode === 200);
  if (!delivery) throw new Error(`the server did not acknowledge the webhook: ${JSON.stringify(placed.deliveries)}`);
  const deadline = Date.now() + WAIT_MS;
  while (push.received.filter((entry) => ids.has(entry.deviceId)).length < ids.size) {
    if (Date.now() > deadline) throw new Error(`${push.received.length} of ${ids.size} pushes after ${WAIT_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const mine = push.received.filter((entry) => ids.has(entry.deviceId));
  const times = mine.map((entry) => entry.at - started);
  const wrong = mine.filter(
    (entry) => !BODY.test(String(entry.payload.body)) || !/^\/orders\/[0-9a-f-]{36}$/.test(String(entry.payload.url)),
  ).length;
  return { ack: delivery.durationMs, first: Math.min(...times), last: Math.max(...times), pushes: mine.length, wrong };
}

async function main() {
  await control.health();
  const push = await startFakePushService();
  const runs: PushRun[] = [];
  for (const devices of deviceCounts) {
    const { simStoreId, ids } = await seedStore(push, devices);
    // Not reported: the store's first orders fill the server's pools and caches for it.
    for (let i = 0; i < 2; i++) await oneOrder(push, simStoreId, ids);
    const run: PushRun = { devices, orders, ack: [], first: [], last: [], pushes: 0, rejected: 0, wrong: 0 };
    const rejectedBefore = push.rejected.length;
    for (let i = 0; i < orders; i++) {
      const one = await oneOrder(push, simStoreId, ids);
      run.ack.push(one.ack);
      run.first.push(one.first);
      run.last.push(one.last);
      run.pushes += one.pushes;
      run.wrong += one.wrong;
      await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    }
    run.rejected = push.rejected.length - rejectedBefore;
    runs.push(run);
  }
  await push.stop();
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(runs)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
