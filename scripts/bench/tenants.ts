// The tenants benchmark (issue 27, `npm run bench -- --only=tenants`): many stores in one database.
// Full size: 2,000 stores of 1,000 orders, one of 200,000, 5 webhook endpoints per store (10,000),
// due outbox work in every store. Measured: the feed's first page, a common and an exact search,
// the status counts and the glance, and the inspector's common-word search, through the real routes
// as each sampled store's signed-in owner; the outbox claim (every store, and the large one alone);
// webhook ingest throughput before the stores exist and after. `--quick`: 200 × 200 plus 20,000.
import { spawn } from "node:child_process";
import { freshSecrets } from "../../lib/embedded/fresh-secrets";
import { orderBody, seedEndpoint } from "./ingest";
import { maxThroughput, percentile, type ThroughputResult } from "./load";
import { createBenchMerchant, signIn } from "./orders-stores";
import { table } from "./report";
import { seededOrder } from "./seed-orders";
import { seedTenants, TENANT_PASSWORD, type TenantsSize } from "./tenants-seed";

const FULL: TenantsSize = { stores: 2_000, ordersEach: 1_000, bigOrders: 200_000, endpointsEach: 5, bigBacklog: 100_000 };
const QUICK: TenantsSize = { stores: 200, ordersEach: 200, bigOrders: 20_000, endpointsEach: 5, bigBacklog: 10_000 };
/** Issue 27's goals. */
const READ_P95_GOAL_MS = 50;
const CLAIM_P95_GOAL_MS = 5;
/** "Unchanged": within the machine's noise of the run before the stores existed. */
const INGEST_TOLERANCE = 0.8;

type Case = { label: string; path: string };
const CASES: Case[] = [
  { label: "feed: first page", path: "/api/orders" },
  { label: "feed: common word (Pillai)", path: "/api/orders?q=Pillai" },
  { label: "feed: full name", path: `/api/orders?q=${encodeURIComponent(seededOrder(77).customerName)}` },
  { label: "status tab counts", path: "/api/orders/counts" },
  { label: "glance", path: "/api/orders/glance" },
  { label: "deliveries: common word (Pillai)", path: "/api/deliveries?q=Pillai" },
];

export type TenantsResult = {
  size: TenantsSize;
  reads: Array<{ label: string; small: number[]; big: number[] }>;
  claims: { all: number[]; big: number[]; claimed: { all: number; big: number } };
  ingest: { before: ThroughputResult; after: ThroughputResult };
  seedSeconds: number;
};

export async function runTenantsBench(options: {
  root: string;
  baseUrl: string;
  databaseUrl: string;
  quick: boolean;
  log: (line: string) => void;
}): Promise<TenantsResult> {
  const { baseUrl, databaseUrl, log, quick } = options;
  const size = quick ? QUICK : FULL;
  const big = await createBenchMerchant(databaseUrl, "Large");
  // The ingest bench's own store and endpoint (its payloads name no TribeMade store).
  const token = await seedEndpoint(databaseUrl);
  const ingestSeconds = quick ? 3 : 10;
  const ingest = (label: string) => {
    log(`tenants: webhook ingest for ${ingestSeconds} s (${label})…`);
    return maxThroughput({
      baseUrl,
      path: `/api/webhooks/tribemade/${token}`,
      body: orderBody,
      connections: 16,
      seconds: ingestSeconds,
    });
  };
  const before = await ingest("one store");

  const started = Date.now();
  const tenants = await seedTenants(databaseUrl, size, big, log);
  const seedSeconds = (Date.now() - started) / 1000;
  const after = await ingest(`${size.stores + 1} stores, ${size.stores * size.endpointsEach + 1} endpoints`);

  // Sampled stores, spread over the creation order (the first and the last stores' rows sit at
  // opposite ends of every index).
  const sampleCount = quick ? 5 : 20;
  const sample = Array.from({ length: sampleCount }, (_, index) => tenants[Math.floor((index * tenants.length) / sampleCount)]!);
  const cookies = {
    big: await signIn(baseUrl, big),
    small: await Promise.all(sample.map((tenant) => signIn(baseUrl, { email: tenant.email, password: TENANT_PASSWORD }))),
  };
  const rounds = quick ? 6 : 25;
  const reads = CASES.map((item) => ({ label: item.label, small: [] as number[], big: [] as number[] }));
  log(
    `tenants: ${rounds} rounds of ${CASES.length} reads, ${sampleCount} in the large store and one in each of ${sampleCount} small ones…`,
  );
  for (let round = 0; round < rounds + 1; round++) {
    // The large store is read as often as the sampled small ones together: with one read a round,
    // its p95 over 25 rounds was the second-slowest single request (one collection, one checkpoint).
    const jobs = CASES.flatMap((item, index) => [
      ...cookies.small.map(() => ({ index, path: item.path, cookie: cookies.big, big: true })),
      ...cookies.small.map((cookie) => ({ index, path: item.path, cookie, big: false })),
    ]).sort(() => Math.random() - 0.5);
    for (const job of jobs) {
      const ms = await timed(baseUrl, job.path, job.cookie);
      // The first round warms the routes' code and each store's pages; it is not reported.
      if (round > 0) reads[job.index]![job.big ? "big" : "small"].push(ms);
    }
  }

  log("tenants: timing outbox claims…");
  const claims = await timeClaims(options.root, databaseUrl, big.storeId, quick ? 50 : 200);
  return { size, reads, claims, ingest: { before, after }, seedSeconds };
}

async function timed(baseUrl: string, path: string, cookie: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie, accept: "application/json" } });
  const body = await response.text();
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${body.slice(0, 200)}`);
  return performance.now() - started;
}

function timeClaims(root: string, databaseUrl: string, bigStore: string, rounds: number): Promise<TenantsResult["claims"]> {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", "scripts/bench/tenants-claims.ts"], {
    cwd: root,
    env: {
      ...process.env,
      ...freshSecrets(),
      DATABASE_URL: databaseUrl,
      BENCH_BIG_STORE: bigStore,
      BENCH_ROUNDS: String(rounds),
    },
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`the claim timer exited with ${code}`));
      const parsed = JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as {
        samples: { all: number[]; big: number[] };
        claimed: { all: number; big: number };
      };
      resolve({ ...parsed.samples, claimed: parsed.claimed });
    });
  });
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const pass = (ok: boolean) => (ok ? "✅" : "❌");
/** `at` in percent; load.ts' percentile takes a fraction. */
const p = (values: number[], at: number) =>
  percentile(
    [...values].sort((a, b) => a - b),
    at / 100,
  );

export function tenantsMarkdown(result: TenantsResult, machine: string): string {
  const { size } = result;
  const readRows = result.reads.flatMap((read) =>
    (["big", "small"] as const).map((which) => [
      read.label,
      which === "big"
        ? `large (${size.bigOrders.toLocaleString("en-IN")} orders)`
        : `small (${size.ordersEach.toLocaleString("en-IN")})`,
      ms(p(read[which], 50)),
      ms(p(read[which], 95)),
      pass(p(read[which], 95) < READ_P95_GOAL_MS),
    ]),
  );
  const claimRows = (["all", "big"] as const).map((which) => [
    which === "all" ? "every store (listener, cron)" : "the large store (a wake-up)",
    String(result.claims.claimed[which]),
    ms(p(result.claims[which], 50)),
    ms(p(result.claims[which], 95)),
    pass(p(result.claims[which], 95) < CLAIM_P95_GOAL_MS),
  ]);
  const { before, after } = result.ingest;
  const ingestOk = after.rps >= before.rps * INGEST_TOLERANCE;
  return [
    "## Many stores, one database",
    "",
    `Run ${new Date().toISOString()} on ${machine}.`,
    "",
    `${size.stores.toLocaleString("en-IN")} stores of ${size.ordersEach.toLocaleString("en-IN")} orders and one of ` +
      `${size.bigOrders.toLocaleString("en-IN")} (each with 30% more deliveries), ${size.endpointsEach} webhook endpoints per store ` +
      `(${(size.stores * size.endpointsEach).toLocaleString("en-IN")}), 3 due verifications per small store and ` +
      `${size.bigBacklog.toLocaleString("en-IN")} in the large one; seeded in ${result.seedSeconds.toFixed(0)} s. ` +
      `Goals: every read p95 < ${READ_P95_GOAL_MS} ms, a claim p95 < ${CLAIM_P95_GOAL_MS} ms, ingest unchanged.`,
    "",
    table(["read (through the route, signed in)", "store", "p50", "p95", "goal"], readRows),
    "",
    table(["outbox claim (batch of 100)", "claimed", "p50", "p95", "goal"], claimRows),
    "",
    table(
      ["webhook ingest (16 connections)", "req/s", "non-2xx", "goal"],
      [
        ["one store, one endpoint", before.rps.toFixed(0), String(before.non2xx), ""],
        [
          `${(size.stores + 1).toLocaleString("en-IN")} stores, ${(size.stores * size.endpointsEach + 1).toLocaleString("en-IN")} endpoints`,
          after.rps.toFixed(0),
          String(after.non2xx),
          `${pass(ingestOk)} (${((after.rps / before.rps) * 100).toFixed(0)}%)`,
        ],
      ],
    ),
    "",
    "- Seeding is set-based SQL (scripts/bench/tenants-seed.ts: `generate_series` per table, seed-orders' statements per " +
      "100 stores at a time), one VACUUM ANALYZE at the end.",
    "- Reads go one at a time through the production server as each store's signed-in owner, in a new random order each " +
      "round, over loopback; the small stores are sampled across the creation order, and each round reads the large store as " +
      "many times as the sampled small ones together (so both percentiles rest on as many requests); the first round is a warm-up.",
    "- The claim is lib/outbox/claim.ts' statement, timed in its own process, each in a transaction rolled back so every " +
      "round sees the same queue.",
    "- Ingest: autocannon for the same time against one store's webhook URL (the ingest section's payload), before the " +
      "other stores are seeded and after.",
  ].join("\n");
}
