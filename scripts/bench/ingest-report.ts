// docs/benchmarks.md's ingest section from one run of scripts/bench/ingest.ts.
import { STEADY_ROUTES, type IngestBenchResult, type RouteName, type SteadyRoute } from "./ingest";
import { table } from "./report";
import { PHASES, poolRounds, type PgEvent, type RoundTail } from "./tail";

export type IngestSettings = {
  connections: number;
  rounds: number;
  roundSeconds: number;
  warmupSeconds: number;
  steadyRate: number;
  steadySeconds: number;
  steadyRounds: number;
};

// Targets: issue 4 (throughput), issue 11 (tail against the same run's bare route).
const THROUGHPUT_TARGET = 0.75;
const P99_RATIO_TARGET = 1.5;
const P50_GAP_TARGET_MS = 1.5;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};
const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : "–");
const ms2 = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}` : "–");
const us = (value: number) => (Number.isFinite(value) ? `${value.toFixed(0)} µs` : "n/a");
const pct = (value: number) => `${(value * 100).toFixed(0)}%`;
const pass = (ok: boolean) => (ok ? "✅" : "❌");

const LABEL: Record<RouteName, string> = {
  baseline: "bare route, static path",
  dynamic: "bare route, dynamic path",
  webhook: "webhook ingest (named statements)",
  unnamed: "webhook ingest (unnamed statements)",
};

export function ingestMarkdown(
  result: IngestBenchResult,
  settings: IngestSettings,
  machine: string,
  pgEvents: PgEvent[],
): string {
  const { throughput, steadyRuns } = result;
  const rps = (name: RouteName) => median(throughput[name].map((r) => r.rps));
  const cpu = (name: RouteName, key: "app" | "postgres") => {
    const values = throughput[name].flatMap((r) => (r.cpu ? [r.cpu[key]] : []));
    return values.length > 0 ? median(values) : Number.NaN;
  };
  const tails = Object.fromEntries(STEADY_ROUTES.map((name) => [name, poolRounds(steadyRuns[name], pgEvents)])) as Record<
    SteadyRoute,
    RoundTail
  >;
  const ratio = rps("webhook") / rps("baseline");
  const p99Ratio = tails.webhook.p99 / tails.dynamic.p99;
  const p50Gap = tails.webhook.p50 - tails.dynamic.p50;
  const d = result.durability;
  const durable = d.accepted >= d.acked && d.orders === d.accepted && d.outbox === d.orders;
  const failures = [
    ...Object.values(throughput).flatMap((runs) => runs.map((r) => r.non2xx + r.errors)),
    ...Object.values(steadyRuns).flatMap((runs) => runs.map((r) => r.failed)),
  ].reduce((a, b) => a + b, 0);
  const statement = (name: "webhook" | "unnamed") => {
    const stats = steadyRuns[name].flatMap((r) => (r.statement ? [r.statement] : []));
    const calls = stats.reduce((sum, s) => sum + s.calls, 0);
    const mean = (key: "meanExecMs" | "meanPlanMs") => stats.reduce((sum, s) => sum + s[key] * s.calls, 0) / calls;
    return { calls, exec: mean("meanExecMs"), plan: mean("meanPlanMs"), plans: stats.reduce((sum, s) => sum + s.plans, 0) };
  };
  const named = statement("webhook");
  const unnamed = statement("unnamed");

  const steadyRow = (label: string, value: (tail: RoundTail) => string, target = "") => [
    label,
    ...STEADY_ROUTES.map((name) => value(tails[name])),
    target,
  ];
  const phaseRows = PHASES.map((phase) => [
    phase,
    ...(["dynamic", "webhook"] as const).flatMap((name) => [ms2(tails[name].typical[phase]), ms2(tails[name].slowest[phase])]),
    ms2(tails.webhook.slowest[phase] - tails.dynamic.slowest[phase]),
  ]);
  const overlapKinds = [...new Set(STEADY_ROUTES.flatMap((name) => Object.keys(tails[name].slowOverlap)))].sort();
  const pauseCell = (tail: RoundTail, kind: string) => {
    const pause = tail.pauses[kind];
    const share = tail.slowOverlap[kind];
    return pause ? `${pause.count} × (max ${pause.maxMs.toFixed(1)} ms); ${pct(share ?? 0)} of the slowest 1 %` : "–";
  };

  return [
    "## Webhook ingest (`POST /api/webhooks/tribemade/[token]`)",
    "",
    `Run ${new Date().toISOString()} on ${machine}.`,
    "",
    "### Throughput",
    "",
    table(
      ["", ...Object.values(LABEL), "webhook ÷ static bare", "target"],
      [
        [
          `max throughput (2xx/s, median of ${settings.rounds})`,
          ...Object.keys(LABEL).map((name) => rps(name as RouteName).toFixed(0)),
          pct(ratio),
          `≥ ${THROUGHPUT_TARGET * 100}% ${pass(ratio >= THROUGHPUT_TARGET)}`,
        ],
        [
          "app-process CPU per request (median)",
          ...Object.keys(LABEL).map((name) => us(cpu(name as RouteName, "app"))),
          pct(cpu("baseline", "app") / cpu("webhook", "app")),
          "",
        ],
        ["PostgreSQL CPU per request (median)", "–", "–", us(cpu("webhook", "postgres")), us(cpu("unnamed", "postgres")), "", ""],
      ],
    ),
    "",
    `Per round (2xx/s): ${Object.keys(LABEL)
      .map((name) => `${name} ${throughput[name as RouteName].map((r) => r.rps.toFixed(0)).join(", ")}`)
      .join("; ")}.`,
    "",
    `### Latency at a steady ${settings.steadyRate} req/s`,
    "",
    `${settings.steadyRounds} alternating rounds of ${settings.steadySeconds} s per route, percentiles over all of a route's requests.`,
    "",
    table(
      ["", LABEL.dynamic, LABEL.webhook, LABEL.unnamed, "target"],
      [
        steadyRow(
          "p50",
          (t) => ms(t.p50),
          `webhook within ${P50_GAP_TARGET_MS} ms of bare: +${p50Gap.toFixed(1)} ms ${pass(p50Gap <= P50_GAP_TARGET_MS)}`,
        ),
        steadyRow("p90", (t) => ms(t.p90)),
        steadyRow(
          "p99",
          (t) => ms(t.p99),
          `webhook ÷ bare ≤ ${P99_RATIO_TARGET}: ${p99Ratio.toFixed(2)} ${pass(p99Ratio <= P99_RATIO_TARGET)}`,
        ),
        steadyRow("max", (t) => ms(t.max)),
        steadyRow("event-loop delay p99 (worst round)", (t) => ms(t.loopDelayP99)),
        steadyRow("deliveries per statement (mean)", (t) => (t.meanBatch ? t.meanBatch.toFixed(2) : "–")),
      ],
    ),
    "",
    `p99 per round (ms): ${STEADY_ROUTES.map((name) => `${name} ${steadyRuns[name].map((r) => r.p99.toFixed(1)).join(", ")}`).join("; ")}. ` +
      `Server-side time to ack (stored \`ackMs\`, both webhook servers): p50 ${ms(result.serverAck.p50)}, p99 ${ms(result.serverAck.p99)}.`,
    "",
    "Where the time goes (ms; median request, and mean of the slowest 1 %; from the server's trace of each request, joined with the load generator's timings):",
    "",
    table(
      ["phase", "bare: median", "bare: slowest 1 %", "webhook: median", "webhook: slowest 1 %", "slowest 1 %: webhook − bare"],
      phaseRows,
    ),
    "",
    "Pauses during the steady rounds (server event-loop stalls ≥ 3 ms, GC by kind, PostgreSQL's background work):",
    "",
    table(
      ["", LABEL.dynamic, LABEL.webhook, LABEL.unnamed],
      overlapKinds.map((kind) => [kind, ...STEADY_ROUTES.map((name) => pauseCell(tails[name], kind))]),
    ),
    "",
    "### Named vs unnamed prepared statements",
    "",
    table(
      ["", "named (direct connection)", "unnamed (behind a transaction pooler)", "difference"],
      [
        [
          "max throughput (2xx/s)",
          rps("webhook").toFixed(0),
          rps("unnamed").toFixed(0),
          pct(rps("unnamed") / rps("webhook") - 1),
        ],
        [
          "PostgreSQL CPU per request",
          us(cpu("webhook", "postgres")),
          us(cpu("unnamed", "postgres")),
          us(cpu("unnamed", "postgres") - cpu("webhook", "postgres")),
        ],
        [
          "app CPU per request",
          us(cpu("webhook", "app")),
          us(cpu("unnamed", "app")),
          us(cpu("unnamed", "app") - cpu("webhook", "app")),
        ],
        [
          "p50 / p99 at the steady rate",
          `${ms(tails.webhook.p50)} / ${ms(tails.webhook.p99)}`,
          `${ms(tails.unnamed.p50)} / ${ms(tails.unnamed.p99)}`,
          "",
        ],
        [
          "statement planning (pg_stat_statements, steady rounds)",
          `${named.plans} plans for ${named.calls} calls, ${ms2(named.plan)} ms mean`,
          `${unnamed.plans} plans for ${unnamed.calls} calls, ${ms2(unnamed.plan)} ms mean`,
          "",
        ],
        ["statement execution, mean", `${ms2(named.exec)} ms`, `${ms2(unnamed.exec)} ms`, ""],
      ],
    ),
    "",
    `Non-2xx or failed requests in all phases: ${failures}.`,
    "",
    `Durability check ${pass(durable)}: ${d.acked} webhook 2xx answers counted by the load generators; afterwards the database ` +
      `held ${d.accepted} accepted deliveries, ${d.orders} orders and ${d.outbox} \`verify_order\` outbox messages ` +
      `(the surplus over the answers is warm-up and requests in flight when a phase ended), ${d.rejected} other deliveries.`,
    "",
    "### How it is measured",
    "",
    "- `npm run bench` starts a throwaway embedded PostgreSQL (`fsync` and `synchronous_commit` on: every ack is a committed transaction; " +
      "`pg_stat_statements`, checkpoint and autovacuum logging for the analysis), applies the migrations, builds the app if sources " +
      "changed (`--no-build` reuses `.next`), and runs two production servers (`scripts/serve.ts`) on it with `TRIBEDESK_BENCH=1`: one as deployed " +
      "(named prepared statements on a direct connection), one with `DATABASE_PREPARED_STATEMENTS=off` (as behind a transaction " +
      "pooler). `TRIBEDESK_BENCH=1` enables the baseline routes (parse JSON, answer 200, no database) and the request trace " +
      "(`lib/perf/request-trace.ts`; off, it costs nothing).",
    "- All routes get the same body: the Webhooks page's example payload with a fresh `order_id` per request, so every " +
      "webhook request creates an order (delivery + order + `received` event + `verify_order` message in one statement).",
    `- Warm-up: ${settings.warmupSeconds} s at full load and ${settings.warmupSeconds} s at the steady rate per route, unmeasured.`,
    `- Max throughput: autocannon, ${settings.connections} connections, closed loop, ${settings.rounds} alternating rounds of ` +
      `${settings.roundSeconds} s per route; the table shows the median. CPU per request is the CPU time (user + system, from /proc) ` +
      "of the app's and PostgreSQL's process trees during a round, divided by its 2xx answers.",
    `- Latency (measured first, after the warm-up): an open-loop generator starts one request every ${1000 / settings.steadyRate} ms ` +
      "and times each from its scheduled start to the end of the response (queueing included, no coordinated omission). " +
      "Each request carries an id; the server records when each phase of it ended, its event-loop stalls and GC pauses, " +
      "and the analysis lines them up with the load generator's timings and PostgreSQL's log (`scripts/bench/tail.ts`). " +
      "`before handler` is from the scheduled start to the route handler's first line (the generator's own lateness, the " +
      "socket, Next.js routing); `after handler` from the handler's return to the response's last byte at the client.",
    "- Load generator, Next.js and PostgreSQL share the machine's two cores (PostgreSQL would have its own machine in " +
      "production). Other work on the machine shows in the load average above; single runs vary by ±15%.",
  ].join("\n");
}
