// The ingest benchmark (issue 4): accepted webhooks per second and ack latency at a fixed offered
// load, each beside the no-database baseline route measured in the same run, same build, same
// process. The baseline runs twice: at a static path (the target's reference) and behind a dynamic
// segment like the webhook's token, to show what routing alone costs. Every 2xx the webhook route
// answers is a committed delivery + order + event + outbox row; the run counts rows afterwards.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { maxThroughput, steadyLoad, type BodyFactory, type LatencyResult, type ThroughputResult } from "./load";
import type { CpuSample } from "./stack";

export type IngestBenchOptions = {
  baseUrl: string;
  databaseUrl: string;
  connections: number;
  rounds: number;
  roundSeconds: number;
  warmupSeconds: number;
  steadyRate: number;
  steadySeconds: number;
  cpu: () => CpuSample | null;
  log: (line: string) => void;
};

/** CPU time per 2xx response during a phase, in microseconds, by process tree. */
export type CpuPerRequest = { app: number; postgres: number };

export type MeasuredThroughput = ThroughputResult & { cpu: CpuPerRequest | null };

export const ROUTE_NAMES = ["baseline", "dynamic", "webhook"] as const;
export type RouteName = (typeof ROUTE_NAMES)[number];

export type IngestBenchResult = {
  throughput: Record<RouteName, MeasuredThroughput[]>;
  /** Per route, the steady round with the median p99 (one machine hiccup should not decide it). */
  steady: Record<RouteName, LatencyResult>;
  steadyRuns: Record<RouteName, LatencyResult[]>;
  /** Server-side time-to-ack (WebhookDelivery.ackMs) during the steady webhook phase. */
  serverAck: { p50: number; p99: number; count: number };
  durability: { acked: number; accepted: number; orders: number; outbox: number; rejected: number };
};

const TEMPLATE = JSON.stringify({
  event: "order.created",
  order_id: "ORDER_ID",
  store_id: "550e8400-e29b-41d4-a716-446655440000",
  product_id: "660e8400-e29b-41d4-a716-446655440123",
  customer: {
    name: "Rahul Sharma",
    email: "rahul.sharma@example.com",
    number: "9876543210",
    full_address: "123, MG Road, Apartment 4B, Mumbai, Maharashtra, India",
    pincode: "400001",
  },
  order_details: {
    quantity: 2,
    amount: 2048.0,
    variation: "Slim Fit",
    size: "L",
    color: "Navy Blue",
    special_instructions: "Please gift wrap",
    custom_questions: [],
  },
  status: "started",
  created_at: "2024-11-16T10:30:45.123456",
});

/** The Webhooks page's example payload with a fresh order_id per request (same body for both routes). */
const orderBody: BodyFactory = () => TEMPLATE.replace("ORDER_ID", randomUUID());

export async function runIngestBench(options: IngestBenchOptions): Promise<IngestBenchResult> {
  const { baseUrl, log } = options;
  const token = await seedEndpoint(options.databaseUrl);
  const routes: Record<RouteName, string> = {
    baseline: "/api/bench/baseline",
    dynamic: `/api/bench/baseline/${randomBytes(32).toString("base64url")}`,
    webhook: `/api/webhooks/tribemade/${token}`,
  };
  for (const path of Object.values(routes)) await assertRoute(baseUrl, path);

  // Warm-up at full load (JIT, every pool connection preparing its statements), then at the steady
  // rate: measured here, p99 keeps falling for the first minute of a fresh server.
  log(`Warming up the routes (${options.warmupSeconds} s at full load, then ${options.warmupSeconds} s steady, each)…`);
  for (const path of Object.values(routes)) {
    await maxThroughput({ baseUrl, path, body: orderBody, connections: options.connections, seconds: options.warmupSeconds });
  }
  for (const path of Object.values(routes)) {
    await steadyLoad({ baseUrl, path, body: orderBody, rate: options.steadyRate, seconds: options.warmupSeconds });
  }

  // Latency first, on a fresh server and database: the throughput rounds leave autovacuum and a
  // large heap behind, which a merchant's steady trickle of orders never produces.
  log(`Steady ${options.steadyRate} req/s, ${options.rounds} alternating rounds of ${options.steadySeconds} s per route…`);
  const steadyRuns: Record<RouteName, LatencyResult[]> = { baseline: [], dynamic: [], webhook: [] };
  let steadyFrom = new Date();
  let steadyTo = new Date();
  for (let round = 1; round <= options.rounds; round++) {
    for (const name of ROUTE_NAMES) {
      if (name === "webhook" && round === 1) steadyFrom = new Date();
      const run = await steadyLoad({
        baseUrl,
        path: routes[name],
        body: orderBody,
        rate: options.steadyRate,
        seconds: options.steadySeconds,
      });
      if (name === "webhook") steadyTo = new Date();
      steadyRuns[name].push(run);
      log(
        `  round ${round} ${name.padEnd(8)} p50 ${run.p50.toFixed(1)} ms, p99 ${run.p99.toFixed(1)} ms, max ${run.max.toFixed(1)} ms`,
      );
    }
  }
  const steady = Object.fromEntries(ROUTE_NAMES.map((name) => [name, medianRun(steadyRuns[name])])) as Record<
    RouteName,
    LatencyResult
  >;

  const throughput: Record<RouteName, MeasuredThroughput[]> = { baseline: [], dynamic: [], webhook: [] };
  for (let round = 1; round <= options.rounds; round++) {
    for (const name of ROUTE_NAMES) {
      const before = options.cpu();
      const measured = await maxThroughput({
        baseUrl,
        path: routes[name],
        body: orderBody,
        connections: options.connections,
        seconds: options.roundSeconds,
      });
      const result = { ...measured, cpu: cpuPerRequest(before, options.cpu(), measured.ok) };
      throughput[name].push(result);
      const cpu = result.cpu
        ? `; CPU/request app ${result.cpu.app.toFixed(0)} µs, postgres ${result.cpu.postgres.toFixed(0)} µs`
        : "";
      log(
        `  round ${round} ${name.padEnd(8)} ${result.rps.toFixed(0).padStart(6)} req/s (2xx ${result.ok}, other ${result.non2xx}, errors ${result.errors}${cpu})`,
      );
    }
  }

  const acked = throughput.webhook.reduce((sum, r) => sum + r.ok, 0) + steadyRuns.webhook.reduce((sum, r) => sum + r.ok, 0);
  const { serverAck, durability } = await readBack(options.databaseUrl, steadyFrom, steadyTo, acked);
  return { throughput, steady, steadyRuns, serverAck, durability };
}

function medianRun(runs: LatencyResult[]): LatencyResult {
  const sorted = [...runs].sort((a, b) => a.p99 - b.p99);
  return sorted[Math.floor(sorted.length / 2)] as LatencyResult;
}

function cpuPerRequest(before: CpuSample | null, after: CpuSample | null, requests: number): CpuPerRequest | null {
  if (!before || !after || requests === 0) return null;
  return { app: ((after.app - before.app) * 1e6) / requests, postgres: ((after.postgres - before.postgres) * 1e6) / requests };
}

async function seedEndpoint(databaseUrl: string): Promise<string> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    const token = randomBytes(32).toString("base64url");
    const store = await client.query<{ id: string }>(`INSERT INTO "Store" (name) VALUES ('Bench store') RETURNING id`);
    await client.query(`INSERT INTO "WebhookEndpoint" ("storeId", "tokenHash", label) VALUES ($1, $2, 'bench')`, [
      store.rows[0]?.id,
      createHash("sha256").update(token).digest("hex"),
    ]);
    return token;
  } finally {
    await client.end();
  }
}

async function assertRoute(baseUrl: string, path: string): Promise<void> {
  const response = await fetch(new URL(path, baseUrl), {
    method: "POST",
    body: orderBody(),
    headers: { "content-type": "application/json" },
  });
  const body = (await response.json()) as { status?: string };
  if (response.status !== 200 || body.status !== "accepted") {
    throw new Error(`${path.replace(/[^/]+$/, "…")} answered ${response.status} ${JSON.stringify(body)}`);
  }
}

async function readBack(databaseUrl: string, from: Date, to: Date, acked: number) {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    const counts = await client.query<{ accepted: string; rejected: string; orders: string; outbox: string }>(`
      SELECT (SELECT count(*) FROM "WebhookDelivery" WHERE outcome = 'accepted') AS accepted,
             (SELECT count(*) FROM "WebhookDelivery" WHERE outcome <> 'accepted') AS rejected,
             (SELECT count(*) FROM "Order") AS orders,
             (SELECT count(*) FROM "OutboxMessage" WHERE kind = 'verify_order') AS outbox`);
    const ack = await client.query<{ p50: number | null; p99: number | null; count: string }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY "ackMs") AS p50,
              percentile_cont(0.99) WITHIN GROUP (ORDER BY "ackMs") AS p99, count(*) AS count
       FROM "WebhookDelivery" WHERE "receivedAt" >= $1 AND "receivedAt" < $2`,
      [from, to],
    );
    const row = counts.rows[0];
    const ackRow = ack.rows[0];
    return {
      // The two probe requests (assertRoute) and warm-up requests are in the tables too.
      durability: {
        acked,
        accepted: Number(row?.accepted),
        rejected: Number(row?.rejected),
        orders: Number(row?.orders),
        outbox: Number(row?.outbox),
      },
      serverAck: { p50: ackRow?.p50 ?? Number.NaN, p99: ackRow?.p99 ?? Number.NaN, count: Number(ackRow?.count) },
    };
  } finally {
    await client.end();
  }
}
