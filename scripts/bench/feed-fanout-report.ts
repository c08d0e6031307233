// The "feed-fanout" section of docs/benchmarks.md (scripts/bench/feed-fanout.ts).
import type { FanoutResult } from "./feed-fanout";
import { table } from "./report";

/** Issue 27's goals at 1,000 streams. */
export const FANOUT_GOALS = { p95Ms: 250, p99Ms: 500, kibPerStream: 50 };

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : "n/a");
const pass = (ok: boolean) => (ok ? "✅" : "❌");

export function fanoutMarkdown(runs: FanoutResult[], options: { machine: string; connectionBudget: number }): string {
  const base = runs[0];
  const baseP95 = base ? percentile(base.samples, 95) : NaN;
  const rows = runs.map((run) => {
    const p95 = percentile(run.samples, 95);
    const p99 = percentile(run.samples, 99);
    const goals =
      run.streams >= 1_000 && run.streams < 2_000
        ? pass(
            p95 < FANOUT_GOALS.p95Ms &&
              p99 < FANOUT_GOALS.p99Ms &&
              run.resyncs === 0 &&
              run.missed === 0 &&
              run.kibPerStream < FANOUT_GOALS.kibPerStream &&
              run.maxConnections <= options.connectionBudget,
          )
        : "";
    return [
      run.streams.toLocaleString("en-IN"),
      `${run.connectSeconds.toFixed(1)} s${run.refused > 0 ? ` (${run.refused} refused)` : ""}`,
      ms(percentile(run.samples, 50)),
      ms(p95),
      ms(p99),
      ms(run.samples.at(-1) ?? NaN),
      run === base ? "1×" : `${(p95 / baseP95).toFixed(1)}×`,
      String(run.missed),
      String(run.resyncs),
      // RSS moves in pages and with the garbage collector: a handful of streams is below its noise.
      run.streams >= 100 ? `${run.kibPerStream.toFixed(1)} KiB` : "–",
      run.streams >= 100 ? `${run.retainedKibPerStream.toFixed(1)} KiB` : "–",
      `${run.rssAfterOrdersMiB.toFixed(0)} MiB`,
      String(run.maxConnections),
      goals,
    ];
  });
  return [
    "## The live feed at many open streams (issue 27)",
    "",
    `Run ${new Date().toISOString()} on ${options.machine}.`,
    "",
    table(
      [
        "streams",
        "all connected in",
        "p50",
        "p95",
        "p99",
        "max",
        "p95 ÷ one stream",
        "missed",
        "resyncs",
        "RSS per stream",
        "heap retained per stream",
        "RSS growth after the orders",
        "PostgreSQL connections (max)",
        "goal at 1,000",
      ],
      rows,
    ),
    "",
    `Goals at 1,000 streams: webhook ack → \`order\` frame on every stream p95 < ${FANOUT_GOALS.p95Ms} ms and p99 < ${FANOUT_GOALS.p99Ms} ms, ` +
      `0 resyncs, none missed, < ${FANOUT_GOALS.kibPerStream} KiB per open stream, and the app process holding at most ` +
      `${options.connectionBudget} PostgreSQL connections (pool + ingest + the LISTEN connection).`,
    "",
    "- One production server (scripts/serve.ts) on the embedded PostgreSQL; the bench opens the streams as plain HTTP/1.1 " +
      "connections from its own process, in waves of 100, all of one store and one signed-in user (every stream receives every " +
      `change: the worst case for fan-out), then POSTs ${base?.orders ?? 0} \`order.created\` webhooks one a second through the ` +
      "real route. Latency runs from the webhook's 2xx ack to the frame's arrival on each stream (one sample per stream per order).",
    "- Memory per stream: the server's RSS three seconds after the last stream opened, minus its RSS before, divided by the streams " +
      "(the issue's measure), both read just after a full garbage collection (`POST /api/bench/memory`, bench only), so it counts " +
      "what the streams hold and the heap kept for later, not the garbage opening them left; and what the heap itself still holds " +
      "after that collection, minus the same before. " +
      "Connections: client backends in the bench database (only this server's), sampled every 200 ms through the run.",
    "- Before the rows, an unreported warm-up opens 1,000 streams and closes them: it loads the route's code, fills the pools " +
      "and brings the process to its working size (V8 grows its young generation once under load and keeps it), as a server " +
      "is after any busy minute, so that growth is not counted as the streams' own.",
    "- The first row is the baseline measured in the same run: one stream, the same orders.",
  ].join("\n");
}
