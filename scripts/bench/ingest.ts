// The ingest benchmark (issues 4, 11, 13): accepted webhooks per second and latency at a steady
// offered load, beside the no-database baseline route measured in the same run, same build. The
// baseline runs at a static path (the throughput target's reference) and behind a dynamic segment
// like the webhook's token (the latency reference: same routing work). A second app server on the
// same database sends the ingest statement unnamed (DATABASE_PREPARED_STATEMENTS=off), as behind a
// transaction pooler, to show what that costs. Every 2xx the webhook routes answer is a committed
// delivery + order + event + outbox row; the run counts rows afterwards.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import pg from "pg";
import { maxThroughput, steadyLoad, type BodyFactory, type LatencyResult, type ThroughputResult } from "./load";
import type { AppServer, BenchStack, CpuSample } from "./stack";
import type { ServerTrace } from "./tail";

export type IngestBenchOptions = {
  stack: BenchStack;
  connections: number;
  rounds: number;
  roundSeconds: number;
  warmupSeconds: number;
  steadyRate: number;
  steadySeconds: number;
  steadyRounds: number;
  log: (line: string) => void;
};

/** CPU time per 2xx response during a phase, in microseconds, by process tree. */
export type CpuPerRequest = { app: number; postgres: number };
export type MeasuredThroughput = ThroughputResult & { cpu: CpuPerRequest | null };

export const ROUTE_NAMES = ["baseline", "dynamic", "webhook", "unnamed"] as const;
export type RouteName = (typeof ROUTE_NAMES)[number];
/** Steady rounds compare like with like: the dynamic bare route and the two webhook servers. */
export const STEADY_ROUTES = ["dynamic", "webhook", "unnamed"] as const satisfies readonly RouteName[];
export type SteadyRoute = (typeof STEADY_ROUTES)[number];

/** PostgreSQL's view of the ingest statement during one steady round (pg_stat_statements). */
export type StatementStats = { calls: number; meanExecMs: number; maxExecMs: number; meanPlanMs: number; plans: number };

export type SteadyRound = LatencyResult & { trace: ServerTrace | null; statement: StatementStats | null; startedAt: number };

export type IngestBenchResult = {
  /** The seeded endpoint's token (the overload benchmark reuses it). */
  token: string;
  throughput: Record<RouteName, MeasuredThroughput[]>;
  steadyRuns: Record<SteadyRoute, SteadyRound[]>;
  /** Server-side time-to-ack (WebhookDelivery.ackMs) during the steady webhook rounds. */
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

/** The Webhooks page's example payload with a fresh order_id per request (same body for every route). */
export const orderBody: BodyFactory = () => TEMPLATE.replace("ORDER_ID", randomUUID());

type Target = { server: AppServer; path: string };

export async function runIngestBench(options: IngestBenchOptions): Promise<IngestBenchResult> {
  const { stack, log } = options;
  const { main, unnamed } = stack.servers as Record<"main" | "unnamed", AppServer>;
  const token = await seedEndpoint(stack.databaseUrl);
  const targets: Record<RouteName, Target> = {
    baseline: { server: main, path: "/api/bench/baseline" },
    dynamic: { server: main, path: `/api/bench/baseline/${randomBytes(32).toString("base64url")}` },
    webhook: { server: main, path: `/api/webhooks/tribemade/${token}` },
    unnamed: { server: unnamed, path: `/api/webhooks/tribemade/${token}` },
  };
  for (const target of Object.values(targets)) await assertRoute(target);

  // Warm-up at full load (JIT, every pool connection preparing its statements), then at the steady
  // rate: measured here, p99 keeps falling for the first minute of a fresh server.
  log(`Warming up (${options.warmupSeconds} s at full load, then ${options.warmupSeconds} s steady, per route)…`);
  for (const { server, path } of Object.values(targets)) {
    const seconds = options.warmupSeconds;
    await maxThroughput({ baseUrl: server.baseUrl, path, body: orderBody, connections: options.connections, seconds });
  }
  for (const { server, path } of Object.values(targets)) {
    await steadyLoad({
      baseUrl: server.baseUrl,
      path,
      body: orderBody,
      rate: options.steadyRate,
      seconds: options.warmupSeconds,
    });
  }

  // Latency first, on a fresh server and database: the throughput rounds leave autovacuum and a
  // large heap behind, which a merchant's steady trickle of orders never produces.
  log(`Steady ${options.steadyRate} req/s, ${options.steadyRounds} alternating rounds of ${options.steadySeconds} s per route…`);
  const steadyRuns: Record<SteadyRoute, SteadyRound[]> = { dynamic: [], webhook: [], unnamed: [] };
  let steadyFrom = new Date();
  for (let round = 1; round <= options.steadyRounds; round++) {
    for (const name of STEADY_ROUTES) {
      const { server, path } = targets[name];
      if (name === "webhook" && round === 1) steadyFrom = new Date();
      await takeTrace(server); // starts the server's window
      await resetStatementStats(stack.databaseUrl);
      const startedAt = Date.now();
      const run = await steadyLoad({
        baseUrl: server.baseUrl,
        path,
        body: orderBody,
        rate: options.steadyRate,
        seconds: options.steadySeconds,
        idPrefix: `${name}-${round}`,
      });
      const trace = await takeTrace(server);
      const statement = name === "dynamic" ? null : await readStatementStats(stack.databaseUrl);
      steadyRuns[name].push({ ...run, trace, statement, startedAt });
      log(
        `  round ${round} ${name.padEnd(8)} p50 ${run.p50.toFixed(1)} ms, p99 ${run.p99.toFixed(1)} ms, max ${run.max.toFixed(1)} ms` +
          (trace ? `, loop delay p99 ${trace.loopDelay.p99.toFixed(1)} ms` : ""),
      );
    }
  }
  const steadyTo = new Date();

  const throughput: Record<RouteName, MeasuredThroughput[]> = { baseline: [], dynamic: [], webhook: [], unnamed: [] };
  for (let round = 1; round <= options.rounds; round++) {
    for (const name of ROUTE_NAMES) {
      const { server, path } = targets[name];
      const before = server.cpu();
      const measured = await maxThroughput({
        baseUrl: server.baseUrl,
        path,
        body: orderBody,
        connections: options.connections,
        seconds: options.roundSeconds,
      });
      const result = { ...measured, cpu: cpuPerRequest(before, server.cpu(), measured.ok) };
      throughput[name].push(result);
      const cpu = result.cpu
        ? `; CPU/request app ${result.cpu.app.toFixed(0)} µs, postgres ${result.cpu.postgres.toFixed(0)} µs`
        : "";
      log(
        `  round ${round} ${name.padEnd(8)} ${result.rps.toFixed(0).padStart(6)} req/s (2xx ${result.ok}, other ${result.non2xx}, errors ${result.errors}${cpu})`,
      );
    }
  }

  const acked = (["webhook", "unnamed"] as const).reduce(
    (sum, name) => sum + throughput[name].reduce((s, r) => s + r.ok, 0) + steadyRuns[name].reduce((s, r) => s + r.ok, 0),
    0,
  );
  const { serverAck, durability } = await readBack(stack.databaseUrl, steadyFrom, steadyTo, acked);
  return { token, throughput, steadyRuns, serverAck, durability };
}

/** What the server recorded since the last call (lib/perf/request-trace.ts). */
export async function takeTrace(server: AppServer): Promise<ServerTrace | null> {
  const response = await fetch(new URL("/api/bench/trace", server.baseUrl), { method: "POST" });
  return response.ok ? ((await response.json()) as ServerTrace) : null;
}

async function withClient<T>(databaseUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const resetStatementStats = (databaseUrl: string) =>
  withClient(databaseUrl, (client) => client.query("SELECT pg_stat_statements_reset()")).catch(() => undefined);

async function readStatementStats(databaseUrl: string): Promise<StatementStats | null> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ calls: string; exec: number; max: number; plan: number; plans: string }>(
      `SELECT sum(calls) AS calls, sum(total_exec_time) AS exec, max(max_exec_time) AS max,
              sum(total_plan_time) AS plan, sum(plans) AS plans
       FROM pg_stat_statements WHERE query LIKE '%jsonb_array_elements($1::jsonb)%'`,
    );
    const row = rows[0];
    const calls = Number(row?.calls ?? 0);
    if (!row || calls === 0) return null;
    return {
      calls,
      meanExecMs: row.exec / calls,
      maxExecMs: row.max,
      meanPlanMs: row.plan / calls,
      plans: Number(row.plans),
    };
  }).catch(() => null);
}

function cpuPerRequest(before: CpuSample | null, after: CpuSample | null, requests: number): CpuPerRequest | null {
  if (!before || !after || requests === 0) return null;
  return { app: ((after.app - before.app) * 1e6) / requests, postgres: ((after.postgres - before.postgres) * 1e6) / requests };
}

export async function seedEndpoint(databaseUrl: string): Promise<string> {
  return withClient(databaseUrl, async (client) => {
    const token = randomBytes(32).toString("base64url");
    const store = await client.query<{ id: string }>(`INSERT INTO "Store" (name) VALUES ('Bench store') RETURNING id`);
    await client.query(`INSERT INTO "WebhookEndpoint" ("storeId", "tokenHash", label) VALUES ($1, $2, 'bench')`, [
      store.rows[0]?.id,
      createHash("sha256").update(token).digest("hex"),
    ]);
    return token;
  });
}

async function assertRoute({ server, path }: Target): Promise<void> {
  const response = await fetch(new URL(path, server.baseUrl), {
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
  return withClient(databaseUrl, async (client) => {
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
      // The probe requests (assertRoute) and warm-up requests are in the tables too.
      durability: {
        acked,
        accepted: Number(row?.accepted),
        rejected: Number(row?.rejected),
        orders: Number(row?.orders),
        outbox: Number(row?.outbox),
      },
      serverAck: { p50: ackRow?.p50 ?? Number.NaN, p99: ackRow?.p99 ?? Number.NaN, count: Number(ackRow?.count) },
    };
  });
}
