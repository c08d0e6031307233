// The outbox benchmark's measuring process (started by scripts/bench/outbox.ts with the environment
// set): it plays one app instance. Modes, printed as one JSON line on stdout:
//   throughput  N orders at the simulator; alternating rounds of (a) a bare SKIP LOCKED
//               claim-and-mark loop over N messages and (b) the real drain verifying N orders
//               end to end over HTTP; msg/s for each round.
//   pace        100 status pushes for one store at TribeMade's real limits (20 per 60 s window);
//               the drain runs the way the listener does until all are sent.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { sealStoreApiKey } from "../../lib/stores/api-key";
import { runDrain } from "../../lib/outbox/drain";
import { registerOutboxHandlers } from "../../lib/wiring/outbox-handlers";
import { postmasterPid, treeCpuSeconds } from "./process-cpu";
import { createControlClient, type ControlClient } from "../../lib/tribemade/simulator/control-client";

registerOutboxHandlers();
const databaseUrl = process.env.DATABASE_URL!;
const control = createControlClient(process.env.TRIBEMADE_API_BASE_URL!);
const mode = process.env.BENCH_MODE ?? "throughput";
const count = Number(process.env.BENCH_MESSAGES ?? 3_000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
const simulatorPid = Number(process.env.BENCH_SIMULATOR_PID ?? 0);
const postgresPid = process.env.BENCH_PG_DATA ? postmasterPid(process.env.BENCH_PG_DATA) : null;

/** CPU seconds so far: this process, the simulator's, PostgreSQL's (0 where unknown). */
function cpuNow() {
  const own = process.cpuUsage();
  return {
    app: (own.user + own.system) / 1e6,
    simulator: simulatorPid ? treeCpuSeconds(simulatorPid) : 0,
    postgres: postgresPid ? treeCpuSeconds(postgresPid) : 0,
  };
}

function cpuPerMessage(before: ReturnType<typeof cpuNow>, messages: number) {
  const after = cpuNow();
  const per = (key: keyof typeof after) => ((after[key] - before[key]) * 1e6) / messages;
  return { app: per("app"), simulator: per("simulator"), postgres: per("postgres") };
}

type Placed = { orderId: string; tribemadeOrderId: string };

async function seedStore(orders: number): Promise<{ storeId: string; placed: Placed[]; simStoreId: string }> {
  const { store: sim } = await control.createStore({ name: "Bench" });
  const storeId = randomUUID();
  const { apiKeyCiphertext: ciphertext, apiKeyKeyId: keyId } = sealStoreApiKey(storeId, sim.apiKey);
  await pool.query(
    `INSERT INTO "Store" (id, name, "tribemadeStoreId", "apiKeyCiphertext", "apiKeyKeyId", "apiKeyLast4") VALUES ($1, 'Bench', $2, $3, $4, $5)`,
    [storeId, sim.id, ciphertext, keyId, sim.apiKey.slice(-4)],
  );
  const payloads = await inParallel(orders, 16, async () => (await control.placeOrder(sim.id, { sendWebhook: false })).payload);
  const placed: Placed[] = [];
  for (let start = 0; start < payloads.length; start += 1_000) {
    const chunk = payloads.slice(start, start + 1_000);
    const { rows } = await pool.query<{ id: string; tribemadeOrderId: string }>(
      `INSERT INTO "Order" ("storeId", "tribemadeOrderId", "customerName", "customerEmail", "customerPhone", "customerPincode",
         "customerAddress", amount, quantity, "productId", payload, verification)
       SELECT $1::uuid, (p->>'order_id')::uuid, p->'customer'->>'name', p->'customer'->>'email', p->'customer'->>'number',
         p->'customer'->>'pincode', p->'customer'->>'full_address', (p->'order_details'->>'amount')::numeric,
         (p->'order_details'->>'quantity')::int, p->>'product_id', p, 'verified'
       FROM jsonb_array_elements($2::jsonb) AS p
       RETURNING id, "tribemadeOrderId"`,
      [storeId, JSON.stringify(chunk)],
    );
    placed.push(...rows.map((row) => ({ orderId: row.id, tribemadeOrderId: row.tribemadeOrderId })));
  }
  return { storeId, placed, simStoreId: sim.id };
}

async function enqueue(storeId: string, placed: Placed[], kind: "verify_order" | "push_status", tag: string): Promise<void> {
  for (let start = 0; start < placed.length; start += 1_000) {
    const chunk = placed.slice(start, start + 1_000);
    await pool.query(
      `INSERT INTO "OutboxMessage" ("storeId", kind, payload, "dedupeKey", priority)
       SELECT $1::uuid, $2::"OutboxKind",
         CASE WHEN $2 = 'push_status'
           THEN jsonb_build_object('orderId', o->>'orderId', 'tribemadeOrderId', o->>'tribemadeOrderId', 'status', 'processing',
                  'trackingUrl', null, 'version', 1, 'requestEventId', '1', 'requestedBy', null)
           ELSE jsonb_build_object('orderId', o->>'orderId', 'tribemadeOrderId', o->>'tribemadeOrderId') END,
         $3 || ':' || (o->>'orderId'), CASE WHEN $2 = 'push_status' THEN 0 ELSE 1 END
       FROM jsonb_array_elements($4::jsonb) AS o`,
      [storeId, kind, tag, JSON.stringify(chunk)],
    );
  }
  if (kind === "push_status") {
    await pool.query(`UPDATE "Order" SET version = 1, sync = 'pending', status = 'processing' WHERE "storeId" = $1::uuid`, [
      storeId,
    ]);
  }
}

/** The baseline: claim 100 with SKIP LOCKED, mark them done, until none is left. */
async function bareLoop(storeId: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    const { rows } = await pool.query<{ id: string }>(
      `WITH c AS (SELECT id FROM "OutboxMessage" WHERE status = 'pending' AND "storeId" = $1::uuid AND "availableAt" <= now()
                  ORDER BY priority, "availableAt", id LIMIT 100 FOR UPDATE SKIP LOCKED)
       UPDATE "OutboxMessage" m SET status = 'leased', "leaseUntil" = now() + interval '1 minute' FROM c WHERE m.id = c.id
       RETURNING m.id`,
      [storeId],
    );
    if (rows.length === 0) break;
    await pool.query(`UPDATE "OutboxMessage" SET status = 'done', "doneAt" = now() WHERE id = ANY($1::bigint[])`, [
      rows.map((row) => row.id),
    ]);
  }
  return performance.now() - started;
}

async function drainAll(storeId: string, idleMs: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    await runDrain({ trigger: "external", storeId, housekeeping: false });
    const { rows } = await pool.query<{ open: number }>(
      `SELECT count(*)::int AS open FROM "OutboxMessage" WHERE "storeId" = $1::uuid AND status IN ('pending', 'leased')`,
      [storeId],
    );
    if (rows[0]!.open === 0) return performance.now() - started;
    if (idleMs > 0) await new Promise((resolve) => setTimeout(resolve, idleMs));
  }
}

async function throughput() {
  const { storeId, placed } = await seedStore(count);
  // Warm-up: connections, JIT, the simulator's keep-alive sockets.
  await enqueue(storeId, placed.slice(0, 300), "verify_order", "warm");
  await drainAll(storeId, 0);
  type Cpu = ReturnType<typeof cpuPerMessage>;
  const result: { bare: number[]; drain: number[]; cpu: { bare: Cpu[]; drain: Cpu[] }; checked: number } = {
    bare: [],
    drain: [],
    cpu: { bare: [], drain: [] },
    checked: 0,
  };
  for (let round = 0; round < rounds; round++) {
    const bareStore = (await seedStore(0)).storeId;
    await enqueue(bareStore, placed, "verify_order", `bare${round}`);
    const bareCpu = cpuNow();
    result.bare.push(count / ((await bareLoop(bareStore)) / 1000));
    result.cpu.bare.push(cpuPerMessage(bareCpu, count));
    await enqueue(storeId, placed, "verify_order", `round${round}`);
    const drainCpu = cpuNow();
    const stopProfile = await startProfile();
    result.drain.push(count / ((await drainAll(storeId, 0)) / 1000));
    await stopProfile();
    result.cpu.drain.push(cpuPerMessage(drainCpu, count));
  }
  const { rows } = await pool.query<{ done: number; attempts: number }>(
    `SELECT count(*) FILTER (WHERE status = 'done')::int AS done, (SELECT count(*)::int FROM "OutboxAttempt" WHERE "storeId" = $1::uuid) AS attempts
     FROM "OutboxMessage" WHERE "storeId" = $1::uuid`,
    [storeId],
  );
  result.checked = rows[0]!.done;
  return { ...result, attempts: rows[0]!.attempts, expected: 300 + count * rounds };
}

async function pace() {
  const { storeId, placed, simStoreId } = await seedStore(100);
  await enqueue(storeId, placed, "push_status", "pace");
  const since = (await control.requests()).requests.at(-1)?.seq ?? 0;
  // The listener's rhythm: drain, sleep until something is due (here: poll every 250 ms).
  const elapsedMs = await drainAll(storeId, 250);
  const puts = (await control.requests({ storeId: simStoreId, since })).requests.filter((r) => r.method === "PUT");
  const times = puts.map((r) => Date.parse(r.at)).sort((a, b) => a - b);
  return {
    elapsedMs,
    firstToLastMs: (times.at(-1) ?? 0) - (times[0] ?? 0),
    sent: puts.filter((r) => r.status === 200).length,
    rateLimited: puts.filter((r) => r.status === 429).length,
  };
}

/** BENCH_PROFILE=<file>: a V8 CPU profile of the drain rounds only (not the seeding). */
async function startProfile(): Promise<() => Promise<void>> {
  const file = process.env.BENCH_PROFILE;
  if (!file) return async () => {};
  const { Session } = await import("node:inspector/promises");
  const { writeFile } = await import("node:fs/promises");
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return async () => {
    const { profile } = await session.post("Profiler.stop");
    await writeFile(file, JSON.stringify(profile));
    session.disconnect();
  };
}

async function inParallel<T>(total: number, width: number, fn: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < total) {
        next++;
        out.push(await fn());
      }
    }),
  );
  return out;
}

async function main(client: ControlClient) {
  await client.health();
  const result = mode === "pace" ? await pace() : await throughput();
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
}

main(control).then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
